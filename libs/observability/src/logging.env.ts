import { z } from 'zod';
import { logLevel } from '@app/config-kit';

/** The variables of the logs, for an app's config schema to take in. */
export const loggingEnv = z.object({ LOG_LEVEL: logLevel });

export type LogLevel = z.output<typeof loggingEnv>['LOG_LEVEL'];
