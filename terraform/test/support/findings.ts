/** What a checker reports: how many properties it looked at, and the ones that do not hold. */
export interface CheckResult {
  checked: number;
  problems: string[];
}

export class Findings implements CheckResult {
  checked = 0;
  readonly problems: string[] = [];

  expect(holds: boolean, problem: string): boolean {
    this.checked += 1;
    if (!holds) this.problems.push(problem);
    return holds;
  }
}
