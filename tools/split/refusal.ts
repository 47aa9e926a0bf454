/**
 * Input the split refuses before writing anything: an unreachable database, a legacy schema it does not
 * know, a target that holds other data. main.ts prints the message as one line and exits with 2.
 */
export class SplitRefusal extends Error {
  constructor(message: string) {
    super(`${message}; nothing was written`);
    this.name = 'SplitRefusal';
  }
}

/** A database URL without its password, to name it in messages. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}
