import { createPrivateKey, KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';

const PLACEHOLDER = /^(change-?me|replace-?me|todo|secret|password|example|<.*>|x+)$/i;

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

export const httpUrl = z.url({
  protocol: /^https?$/,
  error: (issue) => (issue.input === undefined ? 'is required' : 'must be an http:// or https:// URL'),
});

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** `host:port` as a gRPC client dials it: a host name, an IPv4 address or a bracketed IPv6 one, and a port. */
export const hostAndPort = z.string({ error: 'is required' }).refine(
  (value) => {
    const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(value);
    if (!match) return false;
    const [, host, portNumber] = match;
    const hostOk = host.startsWith('[') ? isIP(host.slice(1, -1)) === 6 : HOSTNAME.test(host) || isIP(host) === 4;
    return hostOk && Number(portNumber) >= 1 && Number(portNumber) <= 65535;
  },
  { error: 'must be host:port, e.g. auth:50051' },
);

/** The AWS region of the service's AWS resources (in AWS the pod's region; locally any). */
export const awsRegion = z.string().min(1).default('us-east-1');

/**
 * Whether a secret is obviously a placeholder (`changeme`, `<your-secret>`), which production refuses so
 * that an example file is never deployed as is.
 */
export function isPlaceholderInProduction(value: string): boolean {
  return process.env.NODE_ENV === 'production' && PLACEHOLDER.test(value.trim());
}

/** A secret that must be set, and in production not to a placeholder. */
export const secret = z
  .string({ error: 'is required' })
  .min(1, 'is required')
  .refine((value) => !isPlaceholderInProduction(value), { error: 'is a placeholder; set a real secret' });

/**
 * A PEM private key, read into a KeyObject at boot. A `<…>` placeholder left inside the PEM (as an
 * example file has it) is refused in every environment: no key could work with it.
 */
export const privateKeyPem = secret.transform((value, context): KeyObject => {
  if (/<[^>]*>/.test(value)) {
    context.addIssue({ code: 'custom', message: 'holds a placeholder (<…>): paste the whole key in its place' });
    return z.NEVER;
  }
  try {
    return createPrivateKey(value);
  } catch {
    const hint = value.includes('\\n') ? ' (it holds the two characters \\n where line breaks belong)' : '';
    context.addIssue({ code: 'custom', message: `is not a PEM private key${hint}` });
    return z.NEVER;
  }
});

export const nodeEnv = z.enum(['development', 'production', 'test']).default('development');

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
