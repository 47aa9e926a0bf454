/**
 * The Node.js options every app runs with, from `npm start` and in the images (docker/Dockerfile's
 * NODE_OPTIONS, which compose and Kubernetes keep).
 *
 * V8 sizes the young generation from the host's memory: on a 24 GiB machine it grew to 128 MiB under
 * load, most of the monolith's resident memory, with no CPU saved. 16 MiB semi-spaces hold the
 * short-lived objects of many requests at once.
 *
 * Source maps are off: `--enable-source-maps` makes each Error's stack dearer to build, and errors are
 * on the hot path (DynamoDB's conditional-check failures answer a repeated like, timeouts abort).
 * Stacks then name the compiled files under dist/, which follow the sources closely; for stacks that
 * name the TypeScript lines, run `NODE_OPTIONS=--enable-source-maps npm start` (the launcher hands the
 * variable on to the apps). The tests map stacks to the sources on their own.
 */
export const APP_NODE_OPTIONS = ['--max-semi-space-size=16'];
