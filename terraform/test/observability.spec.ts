import { resolve } from 'node:path';
import { RULES_DIR } from '../../observability/artifacts';
import { eksWithObservability } from '../../k8s/test/support/overlays';
import { checkIrsaTrust, listOf, statements } from './support/iam';
import { XRAY_POLICIES } from './support/observability';
import { DEV_ENV_DIR, loadDevStack } from './support/paths';
import { dataOfType, type Instance } from './support/stack';

describe('observability in envs/dev', () => {
  let stack: Instance;

  beforeAll(async () => {
    stack = await loadDevStack();
  });

  it('is off unless observability_enabled', () => {
    const call = stack.module.calls.get('observability');
    expect(call?.count).toBe('${var.observability_enabled ? 1 : 0}');
    expect(stack.module.variables.get('observability_enabled')?.default).toBe(false);
  });

  it('loads into the Prometheus workspace the rule files npm run observe loads', () => {
    const rulesDir = String(stack.module.calls.get('observability')?.rules_dir);
    expect(resolve(rulesDir.replace('${path.root}', DEV_ENV_DIR))).toBe(RULES_DIR);
  });

  it("trusts the collector's ServiceAccount of k8s/components/observability, in its namespace", () => {
    const m = eksWithObservability();
    const deployment = m.find('Deployment', 'otel-collector');
    const account = deployment?.spec?.template.spec?.serviceAccountName;
    const namespace = m.find('ServiceAccount', account ?? '')?.metadata.namespace;
    const subjects = checkIrsaTrust(stack).roles.map((role) => role.subject);
    expect(subjects).toContain(`system:serviceaccount:${namespace}:${account}`);
  });

  it('grants "*" resources only for X-Ray actions, which take no other', () => {
    const documents = dataOfType(stack, 'aws_iam_policy_document').filter((d) => XRAY_POLICIES.includes(d.address));
    expect(documents.map((d) => d.address).sort()).toEqual([...XRAY_POLICIES].sort());
    const starActions = documents
      .flatMap(statements)
      .filter((statement) => listOf(statement, 'resources').includes('*'))
      .flatMap((statement) => listOf(statement, 'actions'));
    expect(starActions.length).toBeGreaterThan(0);
    expect(starActions.filter((action) => !String(action).startsWith('xray:'))).toEqual([]);
  });
});
