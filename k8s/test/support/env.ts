import type { IContainer } from 'kubernetes-models/v1/Container';
import type { Manifests } from './manifests';

export type ResolvedEnv =
  | { from: 'literal'; value: string }
  | { from: 'configMap'; name: string; key: string; value: string | undefined }
  | { from: 'secret'; name: string; key: string }
  | { from: 'other' };

/** Where a container's environment variable comes from, following Kubernetes' precedence (env over envFrom). */
export function resolveEnv(m: Manifests, c: IContainer, variable: string): ResolvedEnv | undefined {
  const entry = c.env?.find((e) => e.name === variable);
  if (entry) {
    if (entry.value !== undefined) return { from: 'literal', value: entry.value };
    const configMapKey = entry.valueFrom?.configMapKeyRef;
    if (configMapKey) {
      const { name = '', key } = configMapKey;
      return { from: 'configMap', name, key, value: m.find('ConfigMap', name)?.data?.[key] };
    }
    const secretKey = entry.valueFrom?.secretKeyRef;
    if (secretKey) return { from: 'secret', name: secretKey.name ?? '', key: secretKey.key };
    return { from: 'other' };
  }
  // Later envFrom sources win; a Secret's keys cannot be known here, only a ConfigMap's.
  for (const source of [...(c.envFrom ?? [])].reverse()) {
    const prefix = source.prefix ?? '';
    const name = source.configMapRef?.name;
    if (!name || !variable.startsWith(prefix)) continue;
    const value = m.find('ConfigMap', name)?.data?.[variable.slice(prefix.length)];
    if (value !== undefined) return { from: 'configMap', name, key: variable.slice(prefix.length), value };
  }
  return undefined;
}
