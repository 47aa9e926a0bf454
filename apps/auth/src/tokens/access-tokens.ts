import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ACCESS_TOKEN_TYPE, TOKEN_ALGORITHM } from '@app/token-verification';
import { authConfig, AuthConfig } from '../config';
import { SigningKeys } from './signing-keys';

export interface IssuedAccessToken {
  token: string;
  expiresIn: number;
}

/** Signs short-lived ES256 access tokens for people (the public API) and for services (internal routes). */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly keys: SigningKeys,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  forUser(userId: string): Promise<IssuedAccessToken> {
    return this.sign({}, userId, this.config.JWT_AUDIENCE, this.config.ACCESS_TOKEN_TTL_SECONDS);
  }

  forService(clientId: string): Promise<IssuedAccessToken> {
    return this.sign(
      { client_id: clientId },
      clientId,
      this.config.JWT_INTERNAL_AUDIENCE,
      this.config.SERVICE_TOKEN_TTL_SECONDS,
    );
  }

  private async sign(
    claims: Record<string, string>,
    subject: string,
    audience: string,
    expiresIn: number,
  ): Promise<IssuedAccessToken> {
    const token = await this.jwt.signAsync(claims, {
      privateKey: this.keys.privateKey,
      algorithm: TOKEN_ALGORITHM,
      keyid: this.keys.kid,
      header: { alg: TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE },
      issuer: this.config.JWT_ISSUER,
      audience,
      subject,
      expiresIn,
      jwtid: randomUUID(),
    });
    return { token, expiresIn };
  }
}
