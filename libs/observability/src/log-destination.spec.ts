import { spawn, spawnSync } from 'node:child_process';
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

  /** A script that logs through the destination, in a process of its own. */
  const logging = (script: string): [string, string[], { cwd: string; env: NodeJS.ProcessEnv }] => [
    process.execPath,
    [
      '-e',
      `const pino = require('pino');
       const log = pino({ base: null }, require('./log-destination.js').asynchronousStdout());
       ${script}`,
    ],
    { cwd: folder, env: { ...process.env, NODE_PATH: join(__dirname, '../../../node_modules') } },
  ];

  it('writes every line queued before the process exits, as a shutdown does', () => {
    const [node, args, options] = logging(
      `for (let line = 0; line < ${LINES}; line++) log.info({ line }, 'request completed');
       process.exit(0);`,
    );
    const child = spawnSync(node, args, { ...options, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(child.stderr).toBe('');
    const lines = child.stdout.trim().split('\n');
    expect(lines).toHaveLength(LINES);
    expect(JSON.parse(lines[LINES - 1])).toMatchObject({ line: LINES - 1, msg: 'request completed' });
  });

  it("writes a quiet process's few lines within a second or so, while it runs on", async () => {
    const child = spawn(...logging(`log.info('one'); log.info('two'); setInterval(() => undefined, 60_000);`));
    let written = '';
    let waiting: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        waiting = setTimeout(() => reject(new Error(`not written within 10 s: ${written}`)), 10_000);
        child.stdout.on('data', (chunk: Buffer) => {
          written += chunk.toString();
          if (written.split('\n').length > 2) resolve();
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${written}`)));
      });
    } finally {
      clearTimeout(waiting);
      child.kill();
    }
    expect(
      written
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { msg: string }).msg),
    ).toEqual(['one', 'two']);
  }, 15_000);

  it('keeps no process alive that has nothing else to do', () => {
    const [node, args, options] = logging(`log.info('the last line');`);
    const child = spawnSync(node, args, { ...options, encoding: 'utf8', timeout: 10_000 });
    expect({ status: child.status, stdout: child.stdout }).toEqual({
      status: 0,
      stdout: expect.stringContaining('"msg":"the last line"'),
    });
  });
});
