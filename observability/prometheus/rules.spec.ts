import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { RULES_DIR } from '../artifacts';
import { metricOfSeries } from '../catalogue';
import { parsePromql } from '../promql';
import { SLI_KINDS, SLOS } from '../slos';
import { PROMTOOL, promtool } from './promtool';
import { allRules, isAlert, loadRuleFiles, ruleFilePaths } from './rule-files';
import { RUNBOOKS } from './runbooks';
import { sloRuleTests } from './slo-rule-tests';
import { type AlertingRule } from './slo-rules';

const TESTS_DIR = join(__dirname, 'tests');
const REPO = join(__dirname, '..', '..');

/** Metric names a query reads that are neither in the catalogue nor recorded by a rule. */
export function unknownMetrics(query: string, recorded: ReadonlySet<string>): string[] {
  return parsePromql(query).metrics.filter((name) => !metricOfSeries(name) && !recorded.has(name));
}

/** GitHub's anchor of a Markdown heading. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');
}

describe('the Prometheus rules', () => {
  const rules = allRules();
  const recorded = new Set(rules.flatMap((rule) => ('record' in rule ? [rule.record] : [])));
  const alerts = rules.filter(isAlert);

  it('are all valid PromQL', () => {
    expect(rules.flatMap((rule) => parsePromql(rule.expr).errors)).toEqual([]);
  });

  it('read only metrics of the catalogue, or series another rule records', () => {
    expect(rules.flatMap((rule) => unknownMetrics(rule.expr, recorded))).toEqual([]);
    expect(unknownMetrics('rate(gateway_routed_requests_total[5m]) / slo:made_up:ratio', recorded)).toEqual([
      'gateway_routed_requests_total',
      'slo:made_up:ratio',
    ]);
  });

  it('define the alerts the SLOs and the dependencies need', () => {
    expect([...new Set(alerts.map((a) => a.alert))].sort()).toEqual(
      [
        'CircuitBreakerOpen',
        'ErrorBudgetBurnFast',
        'ErrorBudgetBurnSlow',
        'LoginThrottlingSpike',
        'ScrapeTargetDown',
      ].sort(),
    );
    for (const slo of SLOS) {
      for (const sli of SLI_KINDS) {
        const burns = alerts.filter((a) => a.labels.slo === slo.name && a.labels.sli === sli);
        expect(burns.map((a) => a.alert).sort()).toEqual(['ErrorBudgetBurnFast', 'ErrorBudgetBurnSlow']);
      }
    }
  });

  it('link each alert to a runbook section that exists', () => {
    const headings = new Set(
      readFileSync(join(REPO, RUNBOOKS), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .map((line) => anchor(line.replace(/^#+\s*/, ''))),
    );
    const links = alerts.map((a: AlertingRule) => a.annotations.runbook_url);
    expect(links.filter((link) => !link.startsWith(`${RUNBOOKS}#`) || !headings.has(link.split('#')[1]))).toEqual([]);
  });
});

if (!PROMTOOL) process.stdout.write('Skipping the promtool checks: no promtool on PATH (apt-get install prometheus)\n');

(PROMTOOL ? describe : describe.skip)('promtool', () => {
  jest.setTimeout(60_000);
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'slo-rule-tests-'));
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('checks every rule file', async () => {
    const result = await promtool(['check', 'rules', ...ruleFilePaths()]);
    expect(result.output).not.toMatch(/FAILED/);
    expect(result.ok).toBe(true);
  });

  it.each(readdirSync(TESTS_DIR).filter((file) => file.endsWith('.test.yml')))('passes tests/%s', async (file) => {
    const result = await promtool(['test', 'rules', file], TESTS_DIR);
    expect(result.output).toContain('SUCCESS');
    expect(result.ok).toBe(true);
  });

  const sloFile = join(RULES_DIR, 'slos.rules.yml');
  const sloAlerts = loadRuleFiles()
    .filter((file) => file.path === sloFile)
    .flatMap((file) => file.groups.flatMap((group) => group.rules))
    .filter(isAlert);

  it.each(SLOS.flatMap((slo) => SLI_KINDS.map((sli) => [slo.name, sli, slo] as const)))(
    'fires the burn-rate alerts of %s %s when the budget burns, and only then',
    async (name, sli, slo) => {
      const file = join(scratch, `${name}-${sli}.test.yml`);
      writeFileSync(file, stringify(sloRuleTests(slo, sli, sloAlerts, sloFile)));
      const result = await promtool(['test', 'rules', file]);
      expect(result.output).toContain('SUCCESS');
      expect(result.ok).toBe(true);
    },
  );
});
