import { readdirSync, readFileSync } from 'node:fs';

/** A process as /proc describes it (Linux): what the system tests need to find and signal the launcher's. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Its process group. */
  pgid: number;
  commandLine: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2, the command name, is in parentheses and may hold spaces: the fields after it are 3 onwards.
    const [, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return { pid, ppid: Number(ppid), pgid: Number(pgid), commandLine };
  } catch {
    return undefined; // it ended while being read
  }
}

export function processes(): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => readProcess(Number(entry)) ?? []);
}

/** Every process below `pid`, its children's children included. */
export function descendants(pid: number): ProcessInfo[] {
  const all = processes();
  const found: ProcessInfo[] = [];
  for (let frontier = [pid]; frontier.length > 0;) {
    const children = all.filter((process) => frontier.includes(process.ppid));
    found.push(...children);
    frontier = children.map((child) => child.pid);
  }
  return found;
}

/** The processes still in a process group. */
export function groupMembers(pgid: number): ProcessInfo[] {
  return processes().filter((process) => process.pgid === pgid);
}
