import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { PasswordHasher } from '../credentials';
import { AccessTokens, RefreshTokenReusedError, RefreshTokens } from '../tokens';
import { User, UsersService } from '../users';
import { InvalidCredentialsError } from './account.errors';
import { LOGINS, TOKEN_REFRESHES } from './account-metrics';
import { LoginThrottle } from './login-throttle';

export interface Registration {
  email: string;
  password: string;
  displayName: string;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly throttle: LoginThrottle,
    @InjectMetric(LOGINS) private readonly logins: Counter<'result'>,
    @InjectMetric(TOKEN_REFRESHES) private readonly refreshes: Counter<'result'>,
  ) {}

  async register(registration: Registration): Promise<User> {
    return this.users.create({
      id: randomUUID(),
      email: registration.email,
      displayName: registration.displayName,
      passwordHash: await this.passwords.hash(registration.password),
    });
  }

  async login(email: string, password: string, clientAddress: string): Promise<Tokens> {
    await this.throttle.assertAllowed(email, clientAddress).catch((error: unknown) => {
      this.logins.inc({ result: 'throttled' });
      throw error;
    });
    const user = await this.users.findByEmail(email);
    const valid = user
      ? await this.passwordMatches(user, password)
      : await this.passwords.verifyAgainstNothing(password);
    if (!user || !valid) {
      await this.throttle.recordFailure(email, clientAddress);
      this.logins.inc({ result: 'failed' });
      throw new InvalidCredentialsError();
    }
    await this.throttle.recordSuccess(email);
    this.logins.inc({ result: 'succeeded' });
    return this.tokensFor(user.id, await this.refreshTokens.issue(user.id));
  }

  async refresh(refreshToken: string): Promise<Tokens> {
    const rotated = await this.refreshTokens.rotate(refreshToken).catch((error: unknown) => {
      this.refreshes.inc({ result: error instanceof RefreshTokenReusedError ? 'reuse_detected' : 'rejected' });
      throw error;
    });
    this.refreshes.inc({ result: 'rotated' });
    return this.tokensFor(rotated.userId, rotated.refreshToken);
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }

  me(userId: string): Promise<User> {
    return this.users.get(userId);
  }

  /**
   * Users brought from the monolith keep its hash (Django's PBKDF2) until they first log in: then the
   * password is checked against it once and rehashed with argon2id in the same request. The swap only
   * happens if the legacy hash is still the stored one; otherwise another request replaced it first, and
   * only what is stored now counts, so a legacy hash is never accepted once it has been replaced.
   */
  private async passwordMatches(user: User, password: string): Promise<boolean> {
    if (!(await this.passwords.verify(user.passwordHash, password))) return false;
    if (!this.passwords.isLegacy(user.passwordHash)) return true;
    const rehashed = await this.passwords.hash(password);
    if (await this.users.replacePasswordHash(user.id, user.passwordHash, rehashed)) return true;
    const current = (await this.users.findMany([user.id])).find((stored) => stored.id === user.id);
    return (
      current !== undefined && current.passwordHash !== user.passwordHash && this.passwordMatches(current, password)
    );
  }

  private async tokensFor(userId: string, refreshToken: string): Promise<Tokens> {
    const access = await this.accessTokens.forUser(userId);
    return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn };
  }
}
