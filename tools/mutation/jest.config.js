/**
 * The unit project of the repository's Jest config, for Stryker: stryker.config.mjs narrows it to the
 * specs beside the files it mutates.
 */
const { projects } = require('../../jest.config');

module.exports = projects.find((project) => project.displayName === 'unit');
