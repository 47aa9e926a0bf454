import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MINIMUM_NODE_MAJOR, nodeVersionWarning } from './node-version';

describe('nodeVersionWarning', () => {
  it('warns in one line on a Node.js older than supported', () => {
    const warning = nodeVersionWarning('v20.19.4');
    expect(warning).toContain('v20.19.4');
    expect(warning).toContain(`Node.js ${MINIMUM_NODE_MAJOR} or newer`);
    expect(warning).not.toContain('\n');
  });

  it.each(['v22.12.0', 'v24.11.1', 'v25.0.0'])('says nothing on %s', (version) => {
    expect(nodeVersionWarning(version)).toBeUndefined();
  });

  it('agrees with the engines field of package.json', () => {
    const { engines } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(engines.node).toBe(`>=${MINIMUM_NODE_MAJOR}`);
  });
});
