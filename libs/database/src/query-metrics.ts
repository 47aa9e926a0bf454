import pg from 'pg';
import { Counter, Histogram } from 'prom-client';

const queryDuration = new Histogram({
  name: 'postgres_query_duration_seconds',
  help: 'Duration of PostgreSQL statements, by database and statement kind, failed ones included',
  labelNames: ['database', 'operation'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
});

const queryErrors = new Counter({
  name: 'postgres_query_errors_total',
  help: 'PostgreSQL statements that failed, by database, statement kind and error class',
  labelNames: ['database', 'operation', 'error'],
});

const OPERATIONS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'BEGIN', 'COMMIT', 'ROLLBACK']);

/** The statement's first keyword, one of a closed set (`START TRANSACTION` is a BEGIN). */
export function statementKind(text: string): string {
  const keyword = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'OTHER';
  if (keyword === 'START') return 'BEGIN';
  return OPERATIONS.has(keyword) ? keyword : 'OTHER';
}

/** The class of a failed statement, from its SQLSTATE (or its lack of one: the connection failed). */
export function postgresErrorClass(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === '23505') return 'unique_violation';
  if (code === '40001' || code === '40P01') return 'serialization_failure';
  if (code === '57014') return 'timeout';
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08')) return 'connection';
  return 'other';
}

type Query = (...args: unknown[]) => unknown;

/**
 * node-postgres's client, with each statement sent as a promise (as TypeORM sends them) timed in
 * postgres_query_duration_seconds, failures counted by class. Given to the pool as its `Client`.
 */
export function measuredClient(database: string): typeof pg.Client {
  return class MeasuredClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      const query = this.query.bind(this) as Query;
      const measured: Query = (...args) => {
        const [statement] = args;
        const text = typeof statement === 'string' ? statement : (statement as { text?: unknown } | null)?.text;
        const result = query(...args);
        if (typeof text !== 'string' || !(result instanceof Promise)) return result;
        const labels = { database, operation: statementKind(text) };
        const started = performance.now();
        const observe = () => queryDuration.observe(labels, (performance.now() - started) / 1000);
        return result.then(
          (rows: unknown) => {
            observe();
            return rows;
          },
          (error: unknown) => {
            observe();
            queryErrors.inc({ ...labels, error: postgresErrorClass(error) });
            throw error;
          },
        );
      };
      this.query = measured as typeof this.query;
    }
  };
}
