import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ComposeProject } from '../../tools/compose/compose-project';
import { waitFor } from '../../tools/engines/ports';
import { scratchFolder } from '../../tools/engines/scratch-folder';
import { freeSystemPorts } from '../../tools/launcher/ports';
import { launch, Launched, untilRunning } from './launcher';

/**
 * The running system the system and browser tests drive through its gateway: by default the one
 * `npm start` runs (launched here, in a data folder of its own); with SYSTEM_UNDER_TEST=compose the
 * compose.yaml project `npm run test:compose` has brought up.
 */
export type SystemUnderTest = EmbeddedSystem | ComposeSystem;

interface RunningSystem {
  gateway: string;
  /** Everything one app has logged so far. */
  logs(app: string): Promise<string>;
  /**
   * Freezes DynamoDB (SIGSTOP, to its process or its container): it keeps its connections but answers nothing, as a
   * hung dependency does. Resolves with the function that thaws it, which must run before stop().
   */
  stallDynamoDb(): Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

export interface EmbeddedSystem extends RunningSystem {
  kind: 'embedded';
  launched: Launched;
  dataDir: string;
}

export interface ComposeSystem extends RunningSystem {
  kind: 'compose';
  compose: ComposeProject;
}

export const systemKind = process.env.SYSTEM_UNDER_TEST === 'compose' ? 'compose' : 'embedded';

export async function startSystemUnderTest(name: string, env: NodeJS.ProcessEnv = {}): Promise<SystemUnderTest> {
  return systemKind === 'compose' ? composeSystem() : embeddedSystem(name, env);
}

/** `env` is added to `npm start`'s environment (the embedded system only). */
async function embeddedSystem(name: string, env: NodeJS.ProcessEnv): Promise<EmbeddedSystem> {
  const dataDir = scratchFolder(name);
  const system: EmbeddedSystem = {
    kind: 'embedded',
    dataDir,
    launched: launch(dataDir, await freeSystemPorts(), env),
    get gateway() {
      return `http://127.0.0.1:${this.launched.ports.gateway}`;
    },
    logs: async (app) => readFileSync(join(dataDir, 'logs', `${app}.log`), 'utf8'),
    stallDynamoDb: async () => {
      const pid = await descendantRunning(system.launched.pid, /DynamoDBLocal\.jar/);
      process.kill(pid, 'SIGSTOP');
      return async () => void process.kill(pid, 'SIGCONT');
    },
    stop: async () => {
      await system.launched.interrupt();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await untilRunning(system.launched);
  return system;
}

async function composeSystem(): Promise<ComposeSystem> {
  const project = process.env.COMPOSE_TEST_PROJECT;
  const envFile = process.env.COMPOSE_TEST_ENV_FILE;
  if (!project || !envFile) throw new Error('Run the compose system tests with npm run test:compose');
  const compose = await ComposeProject.open(project, envFile);
  await compose.untilHealthy();
  return {
    kind: 'compose',
    compose,
    gateway: `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 8080}`,
    logs: (app) => compose.logs(app),
    // SIGSTOP as on the embedded path: docker-compose 1.x finds no paused container to unpause on Podman.
    stallDynamoDb: async () => {
      await compose.run(['kill', '-s', 'SIGSTOP', 'dynamodb']);
      return async () => {
        await compose.run(['kill', '-s', 'SIGCONT', 'dynamodb']);
      };
    },
    // test:compose tears the project down once every suite has run.
    stop: async () => undefined,
  };
}

/** The process below `ancestor` whose command line matches, e.g. one part of a launched system. */
async function descendantRunning(ancestor: number, command: RegExp): Promise<number> {
  const { stdout } = await promisify(execFile)('ps', ['-A', '-o', 'pid=,ppid=,args=']);
  const processes = stdout
    .trim()
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args }));
  const below = new Set([ancestor]);
  for (let size = 0; size !== below.size;) {
    size = below.size;
    for (const each of processes) if (below.has(each.ppid)) below.add(each.pid);
  }
  const found = processes.find((each) => below.has(each.pid) && command.test(each.args));
  if (!found) throw new Error(`No process matching ${command} runs below process ${ancestor}`);
  return found.pid;
}

/** `it` for the tests that only make sense for one way of running the system. */
export const onlyFor = (kind: SystemUnderTest['kind']) => (systemKind === kind ? it : it.skip);

/** The system as the kind a test was written for (the test runs only for that kind: see onlyFor). */
export function narrow<K extends SystemUnderTest['kind']>(
  system: SystemUnderTest,
  kind: K,
): Extract<SystemUnderTest, { kind: K }> {
  if (system.kind !== kind) throw new Error(`This test is for the ${kind} system, not ${system.kind}`);
  return system as Extract<SystemUnderTest, { kind: K }>;
}

/** An app's log once it holds `line`: the apps write their log lines in batches, up to a second after answering. */
export async function loggedLine(system: SystemUnderTest, app: string, line: string): Promise<string> {
  await waitFor(`${app} to log ${line}`, async () => (await system.logs(app)).includes(line), 10_000);
  return system.logs(app);
}
