import { networkPolicies } from './flows';
import { IDENTITY_RULES } from './identity';
import { INGRESS_RULES } from './ingress';
import { managementPort } from './management-port';
import { migrationsFirst } from './migrations';
import { POD_SECURITY_RULES } from './pod-security';
import { probes } from './probes';
import { referencesResolve } from './references';
import { resources } from './resources';
import { ROLLOUT_RULES } from './rollout';
import type { Rule } from './rule';
import { SCALING_RULES } from './scaling';

export const RULES: Rule[] = [
  ...POD_SECURITY_RULES,
  resources,
  probes,
  managementPort,
  ...ROLLOUT_RULES,
  ...SCALING_RULES,
  ...INGRESS_RULES,
  ...IDENTITY_RULES,
  networkPolicies,
  migrationsFirst,
  referencesResolve,
];

export function ruleById(id: string): Rule {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}
