import { registerAs } from '@nestjs/config';
import { z } from 'zod';

export interface ConfigProblem {
  /** The environment variable at fault. */
  variable: string;
  problem: string;
}

/** The environment does not make a working configuration: each problem names its variable. */
export class ConfigError extends Error {
  constructor(
    readonly namespace: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `Invalid ${namespace} configuration: ${problems.map(({ variable, problem }) => `${variable}: ${problem}`).join('; ')}`,
    );
    this.name = 'ConfigError';
  }
}

/**
 * A config namespace for `ConfigModule.forRoot({ load: [...] })`, parsed from the environment with a
 * zod schema when the module boots: a missing or malformed variable stops the process with a message
 * naming every offending variable instead of failing later at first use.
 */
export function defineConfig<Schema extends z.ZodObject>(namespace: string, schema: Schema) {
  return registerAs(namespace, (): z.output<Schema> => parseEnv(namespace, schema, process.env));
}

export function parseEnv<Schema extends z.ZodType>(
  namespace: string,
  schema: Schema,
  env: NodeJS.ProcessEnv,
): z.output<Schema> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      namespace,
      result.error.issues.map((issue) => ({ variable: issue.path.join('.') || '(root)', problem: issue.message })),
    );
  }
  return result.data;
}
