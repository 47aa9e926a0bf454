/** The oldest Node.js major the system supports; package.json's `engines` says the same (a test checks). */
export const MINIMUM_NODE_MAJOR = 22;

/** A one-line warning when `version` (as in `process.version`) is older than supported, else undefined. */
export function nodeVersionWarning(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major >= MINIMUM_NODE_MAJOR) return undefined;
  return `Warning: Node.js ${version} is not supported and no longer tested; use Node.js ${MINIMUM_NODE_MAJOR} or newer (24 LTS recommended).`;
}
