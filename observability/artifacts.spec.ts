import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generatedArtifacts, OBSERVABILITY_DIR } from './artifacts';

describe('the generated rule files and dashboards', () => {
  it.each([...generatedArtifacts()].map(([path, content]) => [relative(OBSERVABILITY_DIR, path), path, content]))(
    '%s is what its TypeScript definition generates (npm run observe:generate)',
    (_name, path, content) => {
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(path, 'utf8')).toBe(content);
    },
  );
});
