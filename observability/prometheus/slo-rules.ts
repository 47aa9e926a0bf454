import { METRICS } from '../catalogue';
import { BURN_RATE_ALERTS, objective, type SliKind, SLI_KINDS, type Slo, SLO_WINDOW, SLOS } from '../slos';
import { runbookUrl } from './runbooks';

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: (RecordingRule | AlertingRule)[];
}

const HTTP = METRICS.httpServerRequestDuration.name;
/** The windows the burn-rate alerts read, shortest first. */
export const SLI_WINDOWS = [...new Set(BURN_RATE_ALERTS.flatMap((a) => [a.shortWindow, a.longWindow]))].sort(
  (a, b) => seconds(a) - seconds(b),
);

/** The series name of an SLO's error ratio over a window: the share of bad events. */
export const errorRatio = (window: string) => `slo:sli_error:ratio_rate${window}`;
export const OBJECTIVE = 'slo:objective:ratio';
export const ERROR_BUDGET_REMAINING = 'slo:error_budget_remaining:ratio';

/** The `{...}` label matchers of the requests an SLO counts. */
export function requestSelector(slo: Slo, extra: string[] = []): string {
  const routes = slo.routes
    .map((route) => (route.endsWith('*') ? `${escapeRegex(route.slice(0, -1))}.+` : escapeRegex(route)))
    .join('|');
  const matchers = [`service="${slo.service}"`, `route=~"${routes}"`];
  if (slo.methods) matchers.push(`method=~"${slo.methods.join('|')}"`);
  return `{${[...matchers, ...extra].join(',')}}`;
}

/** The ratio of bad requests over a window, as one PromQL expression. */
export function errorRatioExpr(slo: Slo, sli: SliKind, window: string): string {
  const all = `sum(rate(${HTTP}_count${requestSelector(slo)}[${window}]))`;
  if (sli === 'availability') {
    return `sum(rate(${HTTP}_count${requestSelector(slo, ['status_code=~"5.."'])}[${window}]))\n/\n${all}`;
  }
  const fast = `sum(rate(${HTTP}_bucket${requestSelector(slo, [leMatcher(slo.latency.thresholdSeconds)])}[${window}]))`;
  return `1 - (\n  ${fast}\n  /\n  ${all}\n)`;
}

/** Recording rules for every SLO and window, the objectives, the 30-day budget, and the burn-rate alerts. */
export function sloRuleGroups(slos: readonly Slo[] = SLOS): RuleGroup[] {
  const sli = (slo: Slo, kind: SliKind) => ({ slo: slo.name, sli: kind });
  const pairs = slos.flatMap((slo) => SLI_KINDS.map((kind) => [slo, kind] as const));
  return [
    {
      name: 'slo-error-ratios',
      rules: pairs.flatMap(([slo, kind]) => [
        ...SLI_WINDOWS.map((window) => ({
          record: errorRatio(window),
          expr: errorRatioExpr(slo, kind, window),
          labels: sli(slo, kind),
        })),
        { record: OBJECTIVE, expr: `vector(${objective(slo, kind)})`, labels: sli(slo, kind) },
      ]),
    },
    {
      // Over 30 days the average of the 5-minute ratios stands in for one 30-day rate, which would
      // make Prometheus read a month of raw samples at every evaluation.
      name: 'slo-error-budgets',
      interval: '5m',
      rules: [
        { record: errorRatio(SLO_WINDOW), expr: `avg_over_time(${errorRatio(SLI_WINDOWS[0])}[${SLO_WINDOW}])` },
        {
          record: ERROR_BUDGET_REMAINING,
          expr: `1 - ${errorRatio(SLO_WINDOW)} / on (slo, sli) (1 - ${OBJECTIVE})`,
        },
      ],
    },
    {
      name: 'slo-burn-rate-alerts',
      rules: pairs.flatMap(([slo, kind]) =>
        BURN_RATE_ALERTS.map((burn): AlertingRule => {
          const budget = +(1 - objective(slo, kind)).toFixed(6);
          const over = (window: string) =>
            `${errorRatio(window)}{slo="${slo.name}",sli="${kind}"} > (${burn.burnRate} * ${budget})`;
          return {
            alert: burn.alert,
            expr: `${over(burn.longWindow)}\nand\n${over(burn.shortWindow)}`,
            labels: { severity: burn.severity, slo: slo.name, sli: kind },
            annotations: {
              summary: `${slo.title}: ${kind} error budget burning ${burn.burnRate} times too fast`,
              description:
                `${describeBadEvents(slo, kind)} made up {{ $value | humanizePercentage }} of ${slo.title.toLowerCase()} ` +
                `requests over the last ${burn.longWindow} (objective ${percent(objective(slo, kind))} over ${SLO_WINDOW}).`,
              runbook_url: runbookUrl(`slo-${slo.name}`),
            },
          };
        }),
      ),
    },
  ];
}

function describeBadEvents(slo: Slo, kind: SliKind): string {
  return kind === 'availability' ? '5xx answers' : `Answers slower than ${slo.latency.thresholdSeconds} s`;
}

/** Matches a bucket bound whether Prometheus keeps it as exposed (`1`) or normalised (`1.0`, Prometheus 3). */
function leMatcher(bound: number): string {
  return Number.isInteger(bound) ? `le=~"${bound}(\\\\.0)?"` : `le="${bound}"`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\\\$&');
}

function percent(ratio: number): string {
  return `${+(ratio * 100).toFixed(3)}%`;
}

function seconds(duration: string): number {
  const units: Record<string, number> = { m: 60, h: 3600, d: 86400 };
  return Number.parseInt(duration, 10) * units[duration.slice(-1)];
}
