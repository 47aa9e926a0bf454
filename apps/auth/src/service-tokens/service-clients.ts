import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { authConfig, AuthConfig } from '../config';
import { AccessTokens, IssuedAccessToken } from '../tokens';
import { InvalidClientError } from './service-token.errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Client-credentials exchange for services: a known client id and its secret buy a service token. */
@Injectable()
export class ServiceClients {
  constructor(
    private readonly accessTokens: AccessTokens,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  issueToken(clientId: string, clientSecret: string): Promise<IssuedAccessToken> {
    const expected = this.config.SERVICE_CLIENTS.get(clientId);
    // Compare digests so that the comparison takes the same time whatever the lengths.
    if (!expected || !timingSafeEqual(digest(expected), digest(clientSecret))) {
      throw new InvalidClientError();
    }
    return this.accessTokens.forService(clientId);
  }
}
