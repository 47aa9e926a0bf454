// Files the compiled apps read at run time that tsc does not emit.
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
for (const folder of ['libs/auth-rpc/proto', 'apps/monolith/web']) {
  cpSync(join(root, folder), join(root, 'dist', folder), { recursive: true });
}
