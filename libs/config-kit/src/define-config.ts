import { registerAs } from '@nestjs/config';
import { z } from 'zod';

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
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid ${namespace} configuration: ${problems.join('; ')}`);
  }
  return result.data;
}
