import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The path of a program on PATH, or undefined where it is not installed. */
export function findExecutable(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find((candidate) => existsSync(candidate));
}
