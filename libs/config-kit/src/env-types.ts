import { z } from 'zod';

const PLACEHOLDER = /^(change-?me|replace-?me|todo|secret|password|example|<.*>|x+)$/i;

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

export const httpUrl = z.url({ protocol: /^https?$/ });

/** The AWS region of the service's AWS resources (in AWS the pod's region; locally any). */
export const awsRegion = z.string().min(1).default('us-east-1');

/**
 * A secret that must be set. In production a value that is obviously a placeholder
 * (`changeme`, `<your-secret>`) is refused so that an example file is never deployed as is.
 */
export const secret = z
  .string({ error: 'is required' })
  .min(1, 'is required')
  .refine((value) => process.env.NODE_ENV !== 'production' || !PLACEHOLDER.test(value.trim()), {
    error: 'is a placeholder; set a real secret',
  });

export const nodeEnv = z.enum(['development', 'production', 'test']).default('development');

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
