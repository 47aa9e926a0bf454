import { makeCounterProvider } from '@willsoto/nestjs-prometheus';

export const LOGINS = 'auth_logins_total';
export const TOKEN_REFRESHES = 'auth_token_refreshes_total';

/** The counters of observability/catalogue.ts that the accounts feature keeps. */
export const accountMetrics = [
  makeCounterProvider({
    name: LOGINS,
    help: 'Login attempts: succeeded, failed (wrong email or password), or throttled before the password was checked',
    labelNames: ['result'],
  }),
  makeCounterProvider({
    name: TOKEN_REFRESHES,
    help: 'Refresh token uses: rotated, rejected (unknown or expired), or reuse detected (the family was revoked)',
    labelNames: ['result'],
  }),
];
