import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARDS_DIR } from '../artifacts';
import { allRules } from '../prometheus/rule-files';
import { type DashboardJson, dashboardProblems } from './dashboard-checks';

const files = readdirSync(DASHBOARDS_DIR).filter((file) => file.endsWith('.json'));
const recorded = new Set(allRules().flatMap((rule) => ('record' in rule ? [rule.record] : [])));
const load = (file: string) => JSON.parse(readFileSync(join(DASHBOARDS_DIR, file), 'utf8')) as DashboardJson;

describe('the Grafana dashboards', () => {
  it('are an overview and one per app', () => {
    expect(files.sort()).toEqual(['auth.json', 'gateway.json', 'like.json', 'monolith.json', 'overview.json']);
  });

  it.each(files)('%s: takes its data source from a variable, and queries catalogue metrics in valid PromQL', (file) => {
    expect(dashboardProblems(load(file), recorded)).toEqual([]);
  });

  it('have distinct uids', () => {
    expect(new Set(files.map((file) => load(file).uid)).size).toBe(files.length);
  });

  it('refuses a hard-coded data source, a metric outside the catalogue, and a query that is not PromQL', () => {
    const broken: DashboardJson = {
      uid: 'broken',
      title: 'Broken',
      templating: { list: [] },
      panels: [
        {
          type: 'timeseries',
          title: 'Old counter',
          gridPos: { h: 8, w: 12, x: 0, y: 0 },
          datasource: { type: 'prometheus', uid: 'P1809F7CD0C75ACF3' },
          targets: [
            {
              expr: 'sum(rate(gateway_routed_requests_total[$__rate_interval]))',
              datasource: { uid: '${datasource}' },
            },
            { expr: 'sum(rate(up[5m]) by', datasource: { uid: '${datasource}' } },
          ],
        },
      ],
    };
    const problems = dashboardProblems(broken, recorded);
    expect(problems).toEqual([
      expect.stringContaining('no `datasource` variable'),
      expect.stringContaining('names data source {"type":"prometheus","uid":"P1809F7CD0C75ACF3"}'),
      expect.stringContaining('reads gateway_routed_requests_total'),
      expect.stringContaining('cannot parse'),
    ]);
  });
});
