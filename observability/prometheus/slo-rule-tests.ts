import { METRICS } from '../catalogue';
import { BURN_RATE_ALERTS, objective, type SliKind, type Slo } from '../slos';
import type { AlertingRule } from './slo-rules';

/**
 * promtool unit tests of one SLO's burn-rate alerts: request series that burn the error budget at a
 * given multiple of the allowed rate, and the alerts that must (and must not) fire. Written for
 * `promtool test rules`, from the traffic down, without reading the rule expressions.
 */

const HTTP = METRICS.httpServerRequestDuration.name;
/** Requests a minute in every scenario: enough for a 0.1% budget to be whole requests. */
const REQUESTS_PER_MINUTE = 10_000;
const MINUTES = 80;
/** Late enough for the longest window (6 h is cut to what exists) to hold only steady traffic. */
const EVAL_MINUTE = 70;

interface Scenario {
  name: string;
  /** Bad requests as a multiple of the error budget: 1 spends the budget exactly in 30 days. */
  burn: number;
  /** The minute the bad requests stop, if they do. */
  stopsAtMinute?: number;
  firing: readonly string[];
  quiet: readonly string[];
}

const FAST = BURN_RATE_ALERTS[0].alert;
const SLOW = BURN_RATE_ALERTS[1].alert;

export const SCENARIOS: readonly Scenario[] = [
  { name: 'a fast burn pages twice', burn: 20, firing: [FAST, SLOW], quiet: [] },
  { name: 'a slow burn pages once', burn: 10, firing: [SLOW], quiet: [FAST] },
  { name: 'spending at half the allowed rate stays quiet', burn: 0.5, firing: [], quiet: [FAST, SLOW] },
  // The 1-hour window still holds the burn; the 5-minute window lets the fast alert go.
  {
    name: 'a fast burn that stopped 10 minutes ago no longer pages',
    burn: 20,
    stopsAtMinute: 60,
    firing: [],
    quiet: [FAST],
  },
];

export function sloRuleTests(slo: Slo, sli: SliKind, alerts: AlertingRule[], ruleFile: string): object {
  return {
    rule_files: [ruleFile],
    evaluation_interval: '1m',
    tests: SCENARIOS.map((scenario) => ({
      name: `${slo.name} ${sli}: ${scenario.name}`,
      interval: '1m',
      input_series: inputSeries(slo, sli, scenario),
      alert_rule_test: [
        ...scenario.firing.map((alertname) => ({
          eval_time: `${EVAL_MINUTE}m`,
          alertname,
          exp_alerts: [expectedAlert(alerts, alertname, slo, sli, badShare(slo, sli, scenario))],
        })),
        ...scenario.quiet.map((alertname) => ({ eval_time: `${EVAL_MINUTE}m`, alertname, exp_alerts: [] })),
      ],
    })),
  };
}

function badShare(slo: Slo, sli: SliKind, scenario: Scenario): number {
  return scenario.burn * (1 - objective(slo, sli));
}

function inputSeries(slo: Slo, sli: SliKind, scenario: Scenario) {
  const bad = Math.round(badShare(slo, sli, scenario) * REQUESTS_PER_MINUTE);
  const labels = {
    service: slo.service,
    method: slo.methods?.[0] ?? 'POST',
    // A route the group's pattern matches: `/images/*` becomes `/images/x`.
    route: slo.routes[0].replace(/\*$/, 'x'),
  };
  const series = (name: string, extra: Record<string, string>, values: string) => ({
    series: `${name}{${Object.entries({ ...labels, ...extra })
      .map(([key, value]) => `${key}="${value}"`)
      .join(',')}}`,
    values,
  });
  const badValues = counter(bad, scenario.stopsAtMinute);
  if (sli === 'availability') {
    return [
      series(`${HTTP}_count`, { status_code: '200' }, counter(REQUESTS_PER_MINUTE - bad)),
      series(`${HTTP}_count`, { status_code: '503' }, badValues),
    ];
  }
  // Every request succeeds; the bad ones are slower than the threshold, so they miss its bucket.
  const le = String(slo.latency.thresholdSeconds);
  return [
    series(`${HTTP}_count`, { status_code: '200' }, counter(REQUESTS_PER_MINUTE)),
    series(`${HTTP}_bucket`, { status_code: '200', le }, fastValues(REQUESTS_PER_MINUTE, bad, scenario.stopsAtMinute)),
  ];
}

/** A counter growing by `perMinute`, flat from `stopsAtMinute` on. */
function counter(perMinute: number, stopsAtMinute?: number): string {
  if (stopsAtMinute === undefined) return `0+${perMinute}x${MINUTES}`;
  return `0+${perMinute}x${stopsAtMinute} ${perMinute * stopsAtMinute}+0x${MINUTES - stopsAtMinute}`;
}

/** The fast requests' bucket: all requests but the bad ones, and all of them once the bad ones stop. */
function fastValues(total: number, bad: number, stopsAtMinute?: number): string {
  if (stopsAtMinute === undefined) return `0+${total - bad}x${MINUTES}`;
  return `0+${total - bad}x${stopsAtMinute} ${(total - bad) * stopsAtMinute}+${total}x${MINUTES - stopsAtMinute}`;
}

function expectedAlert(alerts: AlertingRule[], alertname: string, slo: Slo, sli: SliKind, share: number) {
  const rule = alerts.find((a) => a.alert === alertname && a.labels.slo === slo.name && a.labels.sli === sli);
  if (!rule) throw new Error(`no ${alertname} rule for ${slo.name} ${sli}`);
  // Prometheus's humanizePercentage prints four significant digits.
  const percentage = `${Number((share * 100).toPrecision(4))}%`;
  return {
    exp_labels: { severity: 'page', slo: slo.name, sli },
    exp_annotations: Object.fromEntries(
      Object.entries(rule.annotations).map(([key, text]) => [
        key,
        text.replace('{{ $value | humanizePercentage }}', percentage),
      ]),
    ),
  };
}
