import type { AppName } from '../apps';
import { freePorts } from '../engines/ports';

/** Where each part of the local system listens; every port can be changed with its <PART>_PORT variable. */
export interface SystemPorts {
  gateway: number;
  gatewayAdmin: number;
  auth: number;
  authAdmin: number;
  authGrpc: number;
  monolith: number;
  monolithAdmin: number;
  like: number;
  likeAdmin: number;
  postgres: number;
  dynamodb: number;
}

export const DEFAULT_PORTS: SystemPorts = {
  gateway: 8080,
  gatewayAdmin: 9901,
  auth: 3001,
  authAdmin: 9001,
  authGrpc: 50051,
  monolith: 3002,
  monolithAdmin: 9002,
  like: 3003,
  likeAdmin: 9003,
  postgres: 54329,
  dynamodb: 8000,
};

/**
 * The management port of each app (its ADMIN_PORT), which alone serves /health/* and /metrics. The
 * launcher's readiness checks and `npm run observe`'s scrape targets read it.
 */
export const MANAGEMENT_PORT: Record<AppName, keyof SystemPorts> = {
  auth: 'authAdmin',
  monolith: 'monolithAdmin',
  like: 'likeAdmin',
  gateway: 'gatewayAdmin',
};

/** The ports of `npm start`: the defaults, each overridden by its <PART>_PORT variable. */
export function portsFromEnv(env: NodeJS.ProcessEnv = process.env): SystemPorts {
  const ports = { ...DEFAULT_PORTS };
  for (const part of Object.keys(ports) as (keyof SystemPorts)[]) {
    const variable = portVariable(part);
    const value = env[variable];
    if (value === undefined) continue;
    const port = Number(value);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new Error(`${variable}=${value} is not a port number`);
    ports[part] = port;
  }
  return ports;
}

/** The variable that overrides a port, e.g. GATEWAY_ADMIN_PORT for `gatewayAdmin`. */
export function portVariable(part: keyof SystemPorts): string {
  return `${part.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}_PORT`;
}

/** The variables that put every part on the given ports, for starting the launcher on them. */
export function portEnv(ports: SystemPorts): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(ports) as (keyof SystemPorts)[]).map((part) => [portVariable(part), String(ports[part])]),
  );
}

/** Free ports for every part, for a second system beside a running one (tests, bench). */
export async function freeSystemPorts(): Promise<SystemPorts> {
  const ports = { ...DEFAULT_PORTS };
  const parts = Object.keys(ports) as (keyof SystemPorts)[];
  const free = await freePorts(parts.length);
  parts.forEach((part, index) => (ports[part] = free[index]));
  return ports;
}
