import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { allContainers, podSpec } from './manifests';
import { MIN_UID, NAMESPACE } from './mysfits';
import { perContainer, perDeployment, type Rule } from './rule';

/** A container's security setting, or the pod's when the container leaves it unset. */
function effective<K extends 'runAsNonRoot' | 'runAsUser' | 'seccompProfile'>(d: IDeployment, c: IContainer, key: K) {
  return c.securityContext?.[key] ?? podSpec(d).securityContext?.[key];
}

export const restrictedNamespace: Rule = {
  id: 'restricted-namespace',
  description: `every namespaced object is in the ${NAMESPACE} namespace, which enforces Pod Security "restricted"`,
  check(m) {
    const namespace = m.find('Namespace', NAMESPACE);
    const violations: string[] = [];
    if (!namespace) violations.push(`Namespace ${NAMESPACE} is missing`);
    else if (namespace.metadata.labels?.['pod-security.kubernetes.io/enforce'] !== 'restricted') {
      violations.push(`Namespace ${NAMESPACE} does not enforce the restricted Pod Security Standard`);
    }
    for (const o of m.objects) {
      if (o.kind !== 'Namespace' && o.metadata.namespace !== NAMESPACE) {
        violations.push(`${o.kind}/${o.metadata.name} is in namespace ${o.metadata.namespace ?? '(none)'}`);
      }
    }
    return violations;
  },
};

export const nonRoot: Rule = {
  id: 'non-root',
  description: `containers run as non-root with a numeric uid >= ${MIN_UID}`,
  check: (m) =>
    perContainer(m, (c, d) => {
      const uid = effective(d, c, 'runAsUser');
      return [
        ...(effective(d, c, 'runAsNonRoot') === true ? [] : ['runAsNonRoot is not true']),
        ...(typeof uid === 'number' && uid >= MIN_UID ? [] : [`runAsUser ${uid} is not a uid >= ${MIN_UID}`]),
      ];
    }),
};

export const noPrivilegeEscalation: Rule = {
  id: 'no-privilege-escalation',
  description: 'containers set allowPrivilegeEscalation: false, drop ALL capabilities and add none',
  check: (m) =>
    perContainer(m, (c) => {
      const sc = c.securityContext;
      return [
        ...(sc?.allowPrivilegeEscalation === false ? [] : ['allowPrivilegeEscalation is not false']),
        ...(sc?.privileged ? ['runs privileged'] : []),
        ...(sc?.capabilities?.drop?.includes('ALL') ? [] : ['does not drop ALL capabilities']),
        ...(sc?.capabilities?.add?.length ? [`adds capabilities ${sc.capabilities.add.join(', ')}`] : []),
      ];
    }),
};

export const seccomp: Rule = {
  id: 'seccomp',
  description: 'containers run under the RuntimeDefault seccomp profile',
  check: (m) =>
    perContainer(m, (c, d) =>
      effective(d, c, 'seccompProfile')?.type === 'RuntimeDefault' ? [] : ['seccompProfile is not RuntimeDefault'],
    ),
};

export const readOnlyRootFilesystem: Rule = {
  id: 'read-only-root-filesystem',
  description: 'containers have a read-only root filesystem and an emptyDir at /tmp',
  check: (m) =>
    perContainer(m, (c, d) => {
      const tmp = c.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
      const volume = podSpec(d).volumes?.find((v) => v.name === tmp?.name);
      return [
        ...(c.securityContext?.readOnlyRootFilesystem === true ? [] : ['readOnlyRootFilesystem is not true']),
        ...(volume?.emptyDir ? [] : ['has no emptyDir mounted at /tmp']),
      ];
    }),
};

/** Volume types the restricted Pod Security Standard allows. */
const RESTRICTED_VOLUME_TYPES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

export const hostIsolation: Rule = {
  id: 'host-isolation',
  description: 'pods share no host namespace, port or path',
  check: (m) =>
    perDeployment(m, (d) => {
      const spec = podSpec(d);
      return [
        ...(['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((key) => spec[key]).map((key) => `sets ${key}`),
        ...(spec.volumes ?? []).flatMap((v) => {
          const types = Object.keys(v).filter((key) => key !== 'name');
          return types.every((t) => RESTRICTED_VOLUME_TYPES.includes(t)) ? [] : [`volume ${v.name} is ${types}`];
        }),
        ...allContainers(d).flatMap((c) =>
          (c.ports ?? []).filter((p) => p.hostPort).map((p) => `container ${c.name} binds host port ${p.hostPort}`),
        ),
      ];
    }),
};

export const noApiToken: Rule = {
  id: 'no-api-token',
  description: 'pods run as their own ServiceAccount and mount no Kubernetes API token',
  check: (m) =>
    perDeployment(m, (d) => {
      const name = podSpec(d).serviceAccountName;
      const account = name ? m.find('ServiceAccount', name) : undefined;
      const automount = podSpec(d).automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true;
      return [
        ...(name && name !== 'default' ? [] : ['runs as the default ServiceAccount']),
        ...(name && !account ? [`ServiceAccount ${name} is not in the manifests`] : []),
        ...(automount ? ['mounts the Kubernetes API token (automountServiceAccountToken is not false)'] : []),
      ];
    }),
};

export const POD_SECURITY_RULES = [
  restrictedNamespace,
  nonRoot,
  noPrivilegeEscalation,
  seccomp,
  readOnlyRootFilesystem,
  hostIsolation,
  noApiToken,
];
