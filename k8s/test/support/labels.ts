import type { INetworkPolicySpec } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicySpec';

export type ILabelSelector = INetworkPolicySpec['podSelector'];

/** Kubernetes label selector semantics: an empty selector selects everything, a missing one nothing. */
export function selects(selector: ILabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in labels && values.includes(labels[key]);
      case 'NotIn':
        return !(key in labels) || !values.includes(labels[key]);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
      default:
        throw new Error(`unknown label selector operator ${operator}`);
    }
  });
  return byLabels && byExpressions;
}

/** `{}`: selects every pod of the namespace. */
export function isEmptySelector(selector: ILabelSelector | undefined): boolean {
  return !!selector && Object.keys(selector.matchLabels ?? {}).length === 0 && !selector.matchExpressions?.length;
}
