import { cpuMsBetween, parseProcStat, parseResidentKiB, ProcStat, treeCpuTicks } from './proc';

/** A /proc/<pid>/stat line as Linux writes it, with the given CPU fields (utime stime cutime cstime). */
function statLine(pid: number, name: string, ppid: number, [utime, stime, cutime, cstime]: number[]): string {
  return `${pid} (${name}) S ${ppid} ${pid} ${pid} 0 -1 4194560 1500 0 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 11 0 328012 1147400192 30211 18446744073709551615 1 1 0 0 0 0 0 4096 134234626 0 0 0 17 1 0 0 0 0 0`;
}

describe('parseProcStat', () => {
  it('reads pid, parent and all four CPU fields', () => {
    expect(parseProcStat(statLine(4242, 'node', 4000, [1200, 300, 40, 5]))).toEqual({
      pid: 4242,
      ppid: 4000,
      cpuTicks: 1545,
    });
  });

  it('reads past a command name holding spaces and parentheses', () => {
    expect(parseProcStat(statLine(77, 'postgres: mysfits app (idle) x', 70, [3, 2, 1, 0]))).toEqual({
      pid: 77,
      ppid: 70,
      cpuTicks: 6,
    });
  });

  it('refuses a line that is not a stat line', () => {
    expect(() => parseProcStat('VmRSS: 1 kB')).toThrow('Not a /proc/<pid>/stat line');
  });
});

describe('treeCpuTicks', () => {
  const stat = (pid: number, ppid: number, cpuTicks: number): ProcStat => ({ pid, ppid, cpuTicks });

  it('adds the root, its children and theirs, and nothing else', () => {
    const snapshot = [stat(10, 1, 100), stat(11, 10, 20), stat(12, 11, 3), stat(13, 10, 7), stat(20, 1, 999)];
    expect(treeCpuTicks(snapshot, 10)).toBe(130);
    expect(treeCpuTicks(snapshot, 11)).toBe(23);
  });

  it('keeps counting a child that exited between two readings, through its parent cutime', () => {
    const before = [stat(10, 1, 100), stat(11, 10, 50)];
    // The child used 10 more ticks, exited, and was reaped: its 60 ticks moved into the parent's cutime.
    const after = [stat(10, 1, 100 + 60)];
    expect(treeCpuTicks(after, 10) - treeCpuTicks(before, 10)).toBe(10);
  });

  it('fails when the root is gone', () => {
    expect(() => treeCpuTicks([stat(10, 1, 5)], 99)).toThrow('Process 99 is not running');
  });
});

describe('cpuMsBetween', () => {
  it('converts clock ticks to milliseconds', () => {
    expect(cpuMsBetween(1_000, 1_250, 100)).toBe(2_500);
    expect(cpuMsBetween(0, 3, 1_000)).toBe(3);
  });

  it('refuses readings that go backwards', () => {
    expect(() => cpuMsBetween(20, 10, 100)).toThrow('went backwards');
  });
});

describe('parseResidentKiB', () => {
  it('reads VmRSS', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200000 kB\nVmRSS:\t  154321 kB\nRssAnon:\t 100000 kB\n';
    expect(parseResidentKiB(status)).toBe(154_321);
  });
});
