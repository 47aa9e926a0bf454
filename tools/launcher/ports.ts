import { freePort } from '../engines/ports';

/** Where each part of the local system listens; every port can be changed with its <PART>_PORT variable. */
export interface SystemPorts {
  gateway: number;
  gatewayAdmin: number;
  auth: number;
  authGrpc: number;
  monolith: number;
  like: number;
  postgres: number;
  dynamodb: number;
}

export const DEFAULT_PORTS: SystemPorts = {
  gateway: 8080,
  gatewayAdmin: 9901,
  auth: 3001,
  authGrpc: 50051,
  monolith: 3002,
  like: 3003,
  postgres: 54329,
  dynamodb: 8000,
};

/** The variable that overrides a port, e.g. GATEWAY_ADMIN_PORT for `gatewayAdmin`. */
export function portVariable(part: keyof SystemPorts): string {
  return `${part.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}_PORT`;
}

/** The default ports, each overridden by its <PART>_PORT variable; throws naming a variable that is no port. */
export function portsFromEnv(env: NodeJS.ProcessEnv): SystemPorts {
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

/** Free ports for every part, for a second system beside a running one (tests, bench). */
export async function freeSystemPorts(): Promise<SystemPorts> {
  const ports = { ...DEFAULT_PORTS };
  for (const part of Object.keys(ports) as (keyof SystemPorts)[]) ports[part] = await freePort();
  return ports;
}
