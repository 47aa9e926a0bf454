import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What the bench reads of one process in /proc/<pid>/stat (see proc(5)). */
export interface ProcStat {
  pid: number;
  ppid: number;
  /**
   * utime + stime + cutime + cstime, in clock ticks: the CPU of all the process's threads, plus that of
   * its children once it has waited for them (so a connection process PostgreSQL reaps stays counted).
   */
  cpuTicks: number;
}

/** Parses one /proc/<pid>/stat line. */
export function parseProcStat(text: string): ProcStat {
  // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
  const nameEnd = text.lastIndexOf(')');
  if (nameEnd < 0) throw new Error(`Not a /proc/<pid>/stat line: ${text.slice(0, 80)}`);
  // fields[0] is field 3 (state): field n of proc(5) is fields[n - 3].
  const fields = text
    .slice(nameEnd + 2)
    .trim()
    .split(' ')
    .map(Number);
  const [utime, stime, cutime, cstime] = [fields[11], fields[12], fields[13], fields[14]];
  return { pid: Number(text.slice(0, text.indexOf(' '))), ppid: fields[1], cpuTicks: utime + stime + cutime + cstime };
}

/** Total CPU ticks of `root` and every process below it, from one snapshot of the process table. */
export function treeCpuTicks(snapshot: ProcStat[], root: number): number {
  const children = new Map<number, ProcStat[]>();
  for (const stat of snapshot) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const rootStat = snapshot.find((stat) => stat.pid === root);
  if (!rootStat) throw new Error(`Process ${root} is not running`);
  let ticks = 0;
  const pending = [rootStat];
  for (let stat = pending.pop(); stat; stat = pending.pop()) {
    ticks += stat.cpuTicks;
    pending.push(...(children.get(stat.pid) ?? []));
  }
  return ticks;
}

/** CPU milliseconds spent between two readings of the same process tree. */
export function cpuMsBetween(beforeTicks: number, afterTicks: number, ticksPerSecond: number): number {
  if (afterTicks < beforeTicks) throw new Error('CPU time went backwards: was the process restarted?');
  return ((afterTicks - beforeTicks) * 1000) / ticksPerSecond;
}

/** Resident memory in KiB, from /proc/<pid>/status (VmRSS). */
export function parseResidentKiB(status: string): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error('No VmRSS in /proc/<pid>/status');
  return Number(match[1]);
}

/** Every process's stat line right now (processes that end while being read are left out). */
export function readProcessTable(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.push(parseProcStat(readFileSync(`/proc/${entry}/stat`, 'utf8')));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return stats;
}

export function readResidentMiB(pid: number): number {
  return parseResidentKiB(readFileSync(`/proc/${pid}/status`, 'utf8')) / 1024;
}

/** The kernel's clock ticks per second (USER_HZ), the unit of the CPU fields in /proc/<pid>/stat. */
export function clockTicksPerSecond(): number {
  const { stdout, error } = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  if (error) throw new Error('getconf CLK_TCK could not run', { cause: error });
  const ticks = Number(stdout.trim());
  if (!Number.isInteger(ticks) || ticks <= 0) throw new Error('getconf CLK_TCK gave no clock tick rate');
  return ticks;
}
