import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { ConfigError } from '@app/config-kit';

/**
 * The logs of an app before its own logger exists (configuration, dependency injection), in the same
 * JSON lines as its logs once it runs: Nest's start-up messages, and the reason it could not start.
 */
export function startupLog(service: string): Logger {
  // Synchronous, so that the reason is written before the process exits.
  return pino({ base: { service } }, pino.destination({ dest: 1, sync: true }));
}

/** Nest's start-up messages, written by the start-up log rather than in Nest's own coloured format. */
export function startupLogger(log: Logger): LoggerService {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'trace') =>
    (message: unknown, ...rest: unknown[]) => {
      const context = rest.at(-1);
      log[level](typeof context === 'string' ? { context } : {}, String(message));
    };
  return {
    log: write('info'),
    error: write('error'),
    warn: write('warn'),
    debug: write('debug'),
    verbose: write('trace'),
    fatal: write('fatal'),
  };
}

/** Writes why the app could not start, one line per bad variable for a configuration error, and exits 1. */
export function exitOnStartupFailure(log: Logger, error: unknown): never {
  if (error instanceof ConfigError) {
    for (const { variable, problem } of error.problems) {
      log.fatal({ variable }, `Invalid configuration: ${variable} ${problem}`);
    }
  } else {
    log.fatal({ err: error }, 'Could not start');
  }
  process.exit(1);
}
