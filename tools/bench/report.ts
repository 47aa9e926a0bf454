import { APPS } from '../apps';
import {
  BenchRun,
  BudgetResult,
  cpuMsPerRequest,
  ENGINES,
  HOPS,
  LoadFigures,
  ProcessName,
  TRACING_BUDGET,
  unitMultiple,
} from './figures';

const PROCESSES: ProcessName[] = [...APPS, ...ENGINES];
/** Profiles are shown for the apps that spend at least this many units per request in a scenario. */
const PROFILED_FROM_UNITS = 5;

/** The run as text: settings and machine, npm start, the unit, each pass's tables, then the budgets. */
export function formatRun(run: BenchRun): string {
  const unitMs = run.unit.cpuMsPerRequest;
  const lines = [
    `Node.js ${run.node}, ${run.cpus} CPUs, load average ${run.loadAverage.start.toFixed(1)} at the start and ${run.loadAverage.end.toFixed(1)} at the end`,
    `Load: autocannon, ${String(run.settings.BENCH_CONNECTIONS)} connections, ${String(run.settings.BENCH_WARMUP_SECONDS)} s warm-up, then ${String(run.settings.BENCH_SECONDS)} s measured (first likes: a fixed number), every scenario through the gateway`,
    '',
  ];
  if (run.npmStart) {
    lines.push(
      `npm start: ${run.npmStart.coldSeconds.toFixed(1)} s from a fresh data folder, ${run.npmStart.warmSeconds.toFixed(1)} s from warm to every app ready`,
    );
  }
  lines.push(
    `Unit (bare node:http server, fixed JSON body): ${ms(unitMs)} CPU per request; measured ${run.unit.runs
      .map((unit) => `${ms(unit.cpuMsPerRequest)} at ${unit.requestsPerSecond.toFixed(0)} req/s`)
      .join(' and ')} (${(run.unit.spread * 100).toFixed(0)} % apart)`,
  );

  for (const pass of run.passes) {
    const ceiling = pass.getItem.requestsPerSecond;
    lines.push(
      '',
      `── Tracing ${pass.tracing}${pass.traceExports === undefined ? '' : ` (${pass.traceExports} OTLP exports received)`}`,
      `DynamoDB Local GetItem: ${loadSummary(pass.getItem)}, ${ms(pass.getItem.dynamodbCpuMsPerRequest)} of DynamoDB Local's CPU per GetItem`,
      `SDK floor, one GetItem through the apps' DynamoDB client from a bare node:http server: ${ms(pass.sdkFloor.cpuMsPerRequest)} CPU per request (${(pass.sdkFloor.cpuMsPerRequest / unitMs).toFixed(1)}×), ${loadSummary(pass.sdkFloor)}`,
      `${pass.argon2.parameters}: ${pass.argon2.verificationsPerSecond.toFixed(1)} verifications per second`,
      '',
      table(
        ['scenario', 'route', 'req/s', '/GetItem', 'p50 ms', 'p99 ms', 'responses', 'non-2xx', 'errors', 'unexpected'],
        pass.scenarios.map((scenario) => [
          scenario.scenario,
          scenario.route,
          scenario.requestsPerSecond.toFixed(0),
          (scenario.requestsPerSecond / ceiling).toFixed(2),
          String(scenario.p50Ms),
          String(scenario.p99Ms),
          String(scenario.responses),
          String(scenario.non2xx),
          String(scenario.errors),
          String(scenario.unexpected),
        ]),
      ),
      '',
      `CPU per request in each process, ms (× unit); ${ENGINES.join(' and ')} are not budgeted`,
      table(
        ['scenario', ...PROCESSES],
        pass.scenarios.map((scenario) => [
          scenario.scenario,
          ...PROCESSES.map((process) => {
            const figures = scenario.processes[process];
            if (!figures) return '-';
            const multiple = unitMultiple(scenario, process, unitMs) ?? 0;
            return `${ms(cpuMsPerRequest(figures.cpuMs, scenario.responses))} (${multiple.toFixed(1)}×)`;
          }),
        ]),
      ),
      '',
      'Resident memory after each scenario, MiB',
      table(
        ['scenario', ...APPS],
        pass.scenarios.map((scenario) => [
          scenario.scenario,
          ...APPS.map((app) => scenario.processes[app]?.residentMiB.toFixed(0) ?? '-'),
        ]),
      ),
    );
    if (pass.likes) lines.push('', likesCheck(pass.likes));
    if (pass.tracing === 'on' && pass.profiles) lines.push('', tracingShares(pass));
    for (const { scenario, app, summary } of pass.profiles ?? []) {
      const figures = pass.scenarios.find((one) => one.scenario === scenario);
      if ((unitMultiple(figures, app, unitMs) ?? 0) < PROFILED_FROM_UNITS) continue;
      lines.push(
        '',
        `CPU profile of ${app} in ${scenario}: ${summary.busyMs.toFixed(0)} ms busy; top functions, then places, by self time`,
        table(['self ms', 'share', 'function'], summary.functions.map(costRow)),
        table(['self ms', 'share', 'place'], summary.places.map(costRow)),
      );
    }
  }
  if (run.passes.length === 2) lines.push('', tracingComparison(run));
  lines.push('', 'Budgets (tracing off where both ran)', formatBudgets(run.budgets));
  return lines.join('\n');
}

/**
 * From the traced pass's profiles: tracing's share of each hop's busy time, and what that adds to the same
 * hop untraced (a share s of the traced time is s / (1 - s) of the rest), against tracing's budget.
 */
export function tracingShares(pass: BenchRun['passes'][number]): string {
  const rows = pass.scenarios.flatMap(({ scenario }) =>
    HOPS[scenario].flatMap((app) => {
      const profile = pass.profiles?.find((one) => one.scenario === scenario && one.app === app);
      if (!profile) return [];
      const { tracingShare } = profile.summary;
      const added = tracingShare / (1 - tracingShare);
      return [
        [
          scenario,
          app,
          percent(tracingShare),
          `+${percent(added)}`,
          added <= TRACING_BUDGET ? 'met' : 'missed',
        ],
      ];
    }),
  );
  return [
    `Tracing's own code (OpenTelemetry's packages, libs/tracing) in each hop's CPU profile, self time; budget ≤ +${TRACING_BUDGET * 100} %`,
    table(['scenario', 'hop', 'share of busy time', 'added to untraced', 'budget'], rows),
  ].join('\n');
}

export function formatBudgets(budgets: BudgetResult[]): string {
  return table(
    ['', 'budget', 'figure', 'limit'],
    budgets.map((budget) => [budget.status, budget.budget, budget.figure, budget.limit]),
  );
}

function tracingComparison(run: BenchRun): string {
  const [off, on] = run.passes;
  const rows = off.scenarios.map((scenario) => {
    const traced = on.scenarios.find((other) => other.scenario === scenario.scenario);
    return [
      scenario.scenario,
      ...APPS.map((app) => {
        const [without, withTracing] = [scenario, traced].map((figures) =>
          unitMultiple(figures, app, run.unit.cpuMsPerRequest),
        );
        return without === undefined || withTracing === undefined
          ? '-'
          : `${without.toFixed(1)}× → ${withTracing.toFixed(1)}×`;
      }),
    ];
  });
  return ['CPU per request, tracing off → on (× unit)', table(['scenario', ...APPS], rows)].join('\n');
}

/** Every first like answered 200 must be counted, and none more than once (a timed-out one may count). */
export function likesCheck({ counted, sent, answered }: { counted: number; sent: number; answered: number }): string {
  const verdict =
    counted < answered ? 'LIKES LOST' : counted > sent ? 'LIKES COUNTED TWICE' : 'none lost, none counted twice';
  return `Likes: the mysfits gained ${counted} for ${sent} first likes sent, ${answered} of them answered 200: ${verdict}`;
}

function loadSummary(load: LoadFigures): string {
  return `${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ${load.non2xx} non-2xx, ${load.errors} errors`;
}

function costRow(line: { name: string; selfMs: number; share: number }): string[] {
  return [line.selfMs.toFixed(0), percent(line.share), line.name];
}

/** A share as a percentage: 0.1234 is `12.3 %`. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

function ms(value: number): string {
  return `${value < 0.1 ? value.toFixed(4) : value.toFixed(3)} ms`;
}

/** Left-aligned columns, two spaces apart. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
