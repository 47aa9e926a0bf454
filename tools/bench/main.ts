import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { AppName } from '../apps';
import { freePort } from '../engines/ports';
import { scratchFolder } from '../engines/scratch-folder';
import { startApp } from '../launcher/app-process';
import { freeSystemPorts } from '../launcher/ports';
import { repoRoot } from '../launcher/repo';
import { RunningSystem } from '../launcher/system';
import { argon2Parameters, storedPasswordHash, verificationsPerSecond } from './argon2-rate';
import { evaluateBudgets } from './budgets';
import { CpuProfile, summarizeProfile } from './cpu-profile';
import { assertGetItemFinds, getItemPlan, MYSFITS_TABLE } from './dynamodb-ceiling';
import { BareServerFigures, BenchRun, combineUnits, cpuMsPerRequest, ScenarioFigures } from './figures';
import { LoadSettings, measureLoad } from './load';
import { clockTicksPerSecond, readResidentMiB } from './proc';
import { formatRun } from './report';
import { renewStaleTokens, Scenario, scenarios, totalLikes } from './scenarios';
import { say, startSeededSystem } from './seeded-system';
import { BenchSettings, benchSettings } from './settings';
import { timeNpmStart } from './startup';
import { compareTracing } from './tracing-comparison';
import { formatTracingComparison } from './tracing-costs';
import { startTraceSink } from './trace-sink';

/**
 * `npm run bench`: CPU per request in each app's own process, as a multiple of a bare node:http server
 * measured in the same run, for each scenario through the gateway; with requests per second, latency,
 * resident memory, DynamoDB Local's GetItem rate as the ceiling, argon2id's rate for login, how long
 * `npm start` takes, and every budget marked met or missed. Settings: see settings.ts and the README.
 */
type Pass = BenchRun['passes'][number];

const TOP_PROFILE_LINES = 10;

async function main(): Promise<void> {
  const settings = benchSettings(process.env);
  const load: LoadSettings = {
    connections: settings.BENCH_CONNECTIONS,
    seconds: settings.BENCH_SECONDS,
    warmupSeconds: settings.BENCH_WARMUP_SECONDS,
  };
  const ticksPerSecond = clockTicksPerSecond();
  const startedAt = new Date();
  const loadAtStart = loadavg()[0];
  const resultsDir = join(repoRoot(), 'bench', 'results');
  const runName = startedAt.toISOString().replace(/[:.]/g, '-');
  const dataDir = scratchFolder('bench');
  try {
    let npmStart: BenchRun['npmStart'];
    if (settings.BENCH_NPM_START) {
      say('Timing npm start in a fresh data folder, then again from warm');
      const coldSeconds = await timeNpmStart(dataDir, await freeSystemPorts());
      const warmSeconds = await timeNpmStart(dataDir, await freeSystemPorts());
      npmStart = { coldSeconds, warmSeconds };
    }
    if (settings.BENCH_TRACING === 'interleaved') {
      const comparison = await compareTracing({ dataDir, settings, load, ticksPerSecond });
      mkdirSync(resultsDir, { recursive: true });
      const resultFile = join(resultsDir, `${runName}-tracing.json`);
      writeFileSync(resultFile, `${JSON.stringify({ startedAt, settings, comparison }, null, 2)}\n`);
      process.stdout.write(`\n${formatTracingComparison(comparison, samplerOf(settings))}\n\nResults: ${resultFile}\n`);
      return;
    }
    const measureUnit = () => bareServerFigures('unit-server', {}, { dataDir, load, ticksPerSecond });
    say('Measuring the unit: a bare node:http server');
    const units = [await measureUnit()];
    const passes: Pass[] = [];
    for (const tracing of settings.BENCH_TRACING === 'both' ? (['off', 'on'] as const) : [settings.BENCH_TRACING]) {
      const profileDir = settings.BENCH_CPU_PROFILE ? join(resultsDir, `${runName}-profiles`, tracing) : undefined;
      passes.push(await measurePass(tracing, { dataDir, settings, load, ticksPerSecond, profileDir }));
    }
    say('Measuring the unit again');
    units.push(await measureUnit());

    const unit = { runs: units, ...combineUnits(units) };
    const run: BenchRun = {
      startedAt: startedAt.toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: { start: loadAtStart, end: loadavg()[0] },
      settings,
      npmStart,
      unit,
      passes,
      budgets: evaluateBudgets({
        unitCpuMsPerRequest: unit.cpuMsPerRequest,
        pass: passes[0],
        warmStartSeconds: npmStart?.warmSeconds,
      }),
    };
    mkdirSync(resultsDir, { recursive: true });
    const resultFile = join(resultsDir, `${runName}.json`);
    writeFileSync(resultFile, `${JSON.stringify(run, null, 2)}\n`);
    process.stdout.write(`\n${formatRun(run)}\n\nResults: ${resultFile}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface PassContext {
  dataDir: string;
  settings: BenchSettings;
  load: LoadSettings;
  ticksPerSecond: number;
  /** Where the apps write their CPU profiles, when asked for. */
  profileDir?: string;
}

/** Starts the system (tracing on or off), seeds it, measures the ceiling, argon2id and every scenario. */
async function measurePass(tracing: 'off' | 'on', context: PassContext): Promise<Pass> {
  const { settings, load, ticksPerSecond, profileDir } = context;
  const sink = tracing === 'on' ? await startTraceSink() : undefined;
  const { system, seeded, pids } = await startSeededSystem(tracing, context, sink);
  let pass: Pass;
  try {
    say('DynamoDB Local GetItem, the ceiling');
    await assertGetItemFinds(system.dynamodb.endpoint, seeded.notAdoptedId);
    const getItem = await measureLoad(
      getItemPlan(system.dynamodb.endpoint, seeded.notAdoptedId),
      [system.dynamodb.pid],
      load,
      ticksPerSecond,
    );

    say("The SDK floor: one GetItem through the apps' DynamoDB client per request, from a bare node:http server");
    const sdkFloor = await bareServerFigures(
      'sdk-floor-server',
      { DYNAMODB_ENDPOINT: system.dynamodb.endpoint, MYSFITS_TABLE, MYSFIT_ID: seeded.notAdoptedId },
      context,
    );

    say('argon2id verifications per second, at the parameters auth stored');
    const hash = await storedPasswordHash(system.postgres.url('auth'), seeded.users[0].email);
    const argon2 = {
      parameters: argon2Parameters(hash),
      verificationsPerSecond: await verificationsPerSecond(
        hash,
        seeded.users[0].password,
        load.connections,
        load.seconds,
      ),
    };

    const likesBefore = await totalLikes(seeded);
    const figures: ScenarioFigures[] = [];
    let likesSent: Scenario['likes'];
    for (const scenario of scenarios(seeded, load).filter((one) => settings.BENCH_SCENARIOS.includes(one.name))) {
      say(`${scenario.name}: ${scenario.route}`);
      await renewStaleTokens(seeded);
      const measured = await measureLoad(scenario.plan, [...pids.values()], load, ticksPerSecond);
      figures.push({
        scenario: scenario.name,
        route: scenario.route,
        ...measured.load,
        unexpected: scenario.unexpected(),
        window: measured.window,
        processes: Object.fromEntries(
          [...pids].map(([name, pid]) => [
            name,
            { cpuMs: measured.cpuMs.get(pid) ?? 0, residentMiB: measured.residentMiB.get(pid) ?? 0 },
          ]),
        ),
      });
      likesSent ??= scenario.likes;
    }
    pass = {
      tracing,
      getItem: {
        ...getItem.load,
        dynamodbCpuMsPerRequest: cpuMsPerRequest(getItem.cpuMs.get(system.dynamodb.pid) ?? 0, getItem.load.responses),
      },
      sdkFloor,
      argon2,
      scenarios: figures,
      residentMiB: Object.fromEntries(system.apps.map((app) => [app.name, readResidentMiB(app.pid)])),
      likes: likesSent && { counted: (await totalLikes(seeded)) - likesBefore, ...likesSent() },
      traceExports: sink?.exports(),
    };
  } finally {
    await system.stop();
    await sink?.close();
  }
  if (profileDir) pass.profiles = profileSummaries(profileDir, system, pass.scenarios);
  return pass;
}

/**
 * CPU per request of one of the bench's bare node:http servers (`tools/bench/<entry>.ts`) under the same
 * load as the scenarios. Every request must be answered 2xx: a failed one costs less and would flatter it.
 */
async function bareServerFigures(
  entry: 'unit-server' | 'sdk-floor-server',
  env: NodeJS.ProcessEnv,
  { dataDir, load, ticksPerSecond }: Pick<PassContext, 'dataDir' | 'load' | 'ticksPerSecond'>,
): Promise<BareServerFigures> {
  const port = await freePort();
  const server = await startApp({
    name: entry,
    entry: join(repoRoot(), 'dist', 'tools', 'bench', `${entry}.js`),
    env: { PATH: process.env.PATH, PORT: String(port), ...env },
    logFile: join(dataDir, `${entry}.log`),
    readyUrl: `http://127.0.0.1:${port}/`,
  });
  try {
    const measured = await measureLoad({ url: `http://127.0.0.1:${port}/` }, [server.pid], load, ticksPerSecond);
    if (measured.load.non2xx + measured.load.errors > 0) {
      throw new Error(`${entry}: ${measured.load.non2xx} non-2xx answers and ${measured.load.errors} errors`);
    }
    return {
      ...measured.load,
      cpuMsPerRequest: cpuMsPerRequest(measured.cpuMs.get(server.pid) ?? 0, measured.load.responses),
    };
  } finally {
    await server.stop();
  }
}

/** Each app's profile (`node --cpu-prof` names its file after the process id), summarized per scenario. */
function profileSummaries(
  profileDir: string,
  system: RunningSystem,
  scenarioFigures: ScenarioFigures[],
): Pass['profiles'] {
  const summaries: NonNullable<Pass['profiles']> = [];
  for (const file of existsSync(profileDir) ? readdirSync(profileDir) : []) {
    const pid = Number(/^CPU\.\d+\.\d+\.(\d+)\./.exec(file)?.[1]);
    const app = system.apps.find((one) => one.pid === pid);
    if (!app) continue;
    const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
    for (const figures of scenarioFigures) {
      summaries.push({
        scenario: figures.scenario,
        app: app.name as AppName,
        summary: summarizeProfile(profile, TOP_PROFILE_LINES, figures.window),
      });
    }
  }
  return summaries;
}

/** The sampler, with its argument where it reads one (the ratio samplers). */
function samplerOf(settings: BenchSettings): string {
  const { BENCH_TRACES_SAMPLER: sampler, BENCH_TRACES_SAMPLER_ARG: argument } = settings;
  return sampler.includes('ratio') ? `${sampler} ${argument}` : sampler;
}

main().catch((error: unknown) => {
  process.stderr.write(`Bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
