// `npm run build`: compiles what changed since the last build, resolves the @app/* imports in the output,
// and copies the files the compiled apps read at run time that tsc does not emit. Unchanged sources cost
// a fraction of a second, which keeps `npm start` quick on a warm checkout.
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const project = join(root, 'tsconfig.build.json');
// Written by tsc --build (its incremental state), and by this script once the aliases of that output are resolved.
const buildInfo = join(root, 'dist', 'tsconfig.build.tsbuildinfo');
const aliasesResolved = join(root, 'dist', '.aliases-resolved');

async function build() {
  // --build skips the whole compilation when no source is newer than the output (and recompiles after errors).
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--build', project], {
    stdio: 'inherit',
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);

  if (!existsSync(aliasesResolved) || statSync(buildInfo).mtimeMs > statSync(aliasesResolved).mtimeMs) {
    const { replaceTscAliasPaths } = require('tsc-alias');
    await replaceTscAliasPaths({ configFile: project });
    writeFileSync(aliasesResolved, '');
  }

  for (const folder of ['libs/auth-rpc/proto', 'apps/monolith/web']) {
    cpSync(join(root, folder), join(root, 'dist', folder), { recursive: true });
  }
}

build().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
