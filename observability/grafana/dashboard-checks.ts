import { metricOfSeries } from '../catalogue';
import { parsePromql } from '../promql';

interface Target {
  expr?: string;
  datasource?: { type?: string; uid?: string };
}

interface Panel {
  type?: string;
  title?: string;
  gridPos?: { h: number; w: number; x: number; y: number };
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
  panels?: Panel[];
}

export interface DashboardJson {
  uid?: string;
  title?: string;
  templating?: { list?: { type?: string; name?: string; query?: unknown }[] };
  panels?: Panel[];
}

const DATASOURCE_VARIABLE = '${datasource}';
/** Grafana's own variables, replaced by a duration or a value before the query is parsed as PromQL. */
const GRAFANA_VARIABLES = /\$(__rate_interval|__interval|__range)\b/g;

/** What is wrong with a dashboard: structure, data sources, and queries that are not PromQL over the catalogue. */
export function dashboardProblems(dashboard: DashboardJson, recorded: ReadonlySet<string>): string[] {
  const name = dashboard.title ?? dashboard.uid ?? '(untitled)';
  const problems: string[] = [];
  const fail = (problem: string) => problems.push(`${name}: ${problem}`);
  if (!dashboard.uid || !dashboard.title) fail('has no uid or title');
  const variables = dashboard.templating?.list ?? [];
  if (!variables.some((v) => v.type === 'datasource' && v.name === 'datasource' && v.query === 'prometheus')) {
    fail('has no `datasource` variable of type prometheus');
  }
  const panels = (dashboard.panels ?? []).flatMap((panel) => [panel, ...(panel.panels ?? [])]);
  if (!panels.some((panel) => panel.type !== 'row')) fail('has no panels');
  for (const panel of panels.filter((p) => p.type !== 'row')) {
    const where = `panel "${panel.title ?? '?'}"`;
    if (!panel.title) fail(`${where} has no title`);
    if (!panel.gridPos) fail(`${where} has no position`);
    const targets = panel.targets ?? [];
    if (targets.length === 0) fail(`${where} has no query`);
    for (const source of [panel.datasource, ...targets.map((t) => t.datasource)]) {
      if (source?.uid !== DATASOURCE_VARIABLE)
        fail(`${where} names data source ${JSON.stringify(source)}, not the variable`);
    }
    for (const { expr = '' } of targets) {
      const parsed = parsePromql(expr.replace(GRAFANA_VARIABLES, '5m'));
      for (const error of parsed.errors) fail(`${where}: ${error} in ${expr}`);
      for (const metric of parsed.metrics.filter((m) => !metricOfSeries(m) && !recorded.has(m))) {
        fail(`${where} reads ${metric}, which is neither in the catalogue nor recorded by a rule`);
      }
    }
  }
  return problems;
}
