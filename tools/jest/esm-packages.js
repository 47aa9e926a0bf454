const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const nodeModules = join(__dirname, '..', '..', 'node_modules');

/** Installed packages that declare `"type": "module"`, as regex-safe names for transformIgnorePatterns. */
function esmOnlyPackages() {
  const names = readdirSync(nodeModules).flatMap((entry) =>
    entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).map((name) => `${entry}/${name}`) : [entry],
  );
  return names
    .filter((name) => {
      try {
        return JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8')).type === 'module';
      } catch {
        return false;
      }
    })
    .map((name) => name.replace(/[.+]/g, '\\$&'));
}

module.exports = { esmOnlyPackages };
