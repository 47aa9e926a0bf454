/** The runbooks every alert links to, one section each, relative to the repository root. */
export const RUNBOOKS = 'docs/runbooks.md';

export function runbookUrl(section: string): string {
  return `${RUNBOOKS}#${section}`;
}
