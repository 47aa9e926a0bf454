/** The apps of the monorepo, in the order they start: each after the ones it calls. */
export const APPS = ['auth', 'monolith', 'like', 'gateway'] as const;

export type AppName = (typeof APPS)[number];
