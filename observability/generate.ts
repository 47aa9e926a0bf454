import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { generatedArtifacts, OBSERVABILITY_DIR } from './artifacts';

/** `npm run observe:generate`: writes the rule files and dashboards defined in TypeScript. */
for (const [path, content] of generatedArtifacts()) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  process.stdout.write(`wrote ${relative(dirname(OBSERVABILITY_DIR), path)}\n`);
}
