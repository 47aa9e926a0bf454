import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from '@swc/core';

const LINES = 20_000;

describe('asynchronousStdout', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'log-destination-'));
    const source = readFileSync(join(__dirname, 'log-destination.ts'), 'utf8');
    const { code } = transformSync(source, {
      filename: 'log-destination.ts',
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    writeFileSync(join(folder, 'log-destination.js'), code);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes every line queued before the process exits, as a shutdown does', () => {
    const child = spawnSync(
      process.execPath,
      [
        '-e',
        `const pino = require('pino');
         const log = pino({ base: null }, require('./log-destination.js').asynchronousStdout());
         for (let line = 0; line < ${LINES}; line++) log.info({ line }, 'request completed');
         process.exit(0);`,
      ],
      {
        cwd: folder,
        env: { ...process.env, NODE_PATH: join(__dirname, '../../../node_modules') },
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      },
    );
    expect(child.stderr).toBe('');
    const lines = child.stdout.trim().split('\n');
    expect(lines).toHaveLength(LINES);
    expect(JSON.parse(lines[LINES - 1])).toMatchObject({ line: LINES - 1, msg: 'request completed' });
  });
});
