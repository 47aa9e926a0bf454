const { compilerOptions } = require('../../tsconfig.json');

/** Maps the tsconfig `paths` aliases (e.g. `@app/http-kit`) onto jest's module resolution. */
function pathsToModuleNameMapper() {
  return Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
  );
}

module.exports = { pathsToModuleNameMapper };
