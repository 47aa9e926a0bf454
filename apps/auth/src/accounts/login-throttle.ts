import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { authConfig, AuthConfig } from '../config';
import { normalizeEmail } from '../users';
import { TooManyLoginFailuresError } from './account.errors';

/**
 * Counts failed logins per account and per client address in Postgres, so every auth replica sees the
 * same counts. Once either count reaches its limit, logins for it are refused until the window ends.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perClient: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(authConfig.KEY) config: AuthConfig) {
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterPostgres({
        storeClient: dataSource,
        storeType: 'typeorm',
        tableName: 'login_failures',
        tableCreated: true,
        keyPrefix,
        points,
        duration: config.LOGIN_FAILURE_WINDOW_SECONDS,
      });
    this.perAccount = limiter('account', config.LOGIN_MAX_FAILURES_PER_ACCOUNT);
    this.perClient = limiter('client', config.LOGIN_MAX_FAILURES_PER_CLIENT);
  }

  async assertAllowed(email: string, clientAddress: string): Promise<void> {
    const [account, client] = await Promise.all([
      this.perAccount.get(normalizeEmail(email)),
      this.perClient.get(clientAddress),
    ]);
    const retryAfterMs = Math.max(
      blockedFor(account, this.perAccount.points),
      blockedFor(client, this.perClient.points),
    );
    if (retryAfterMs > 0) throw new TooManyLoginFailuresError(Math.ceil(retryAfterMs / 1000));
  }

  async recordFailure(email: string, clientAddress: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(normalizeEmail(email), 1), this.perClient.penalty(clientAddress, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(normalizeEmail(email));
  }
}

function blockedFor(state: RateLimiterRes | null, limit: number): number {
  return state && state.consumedPoints >= limit ? state.msBeforeNext : 0;
}
