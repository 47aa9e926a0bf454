import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { UnauthenticatedError } from '@app/errors';
import { SigningKeySource } from './signing-key-source';
import { ACCESS_TOKEN_TYPE, AccessTokenClaims, TOKEN_ALGORITHM } from './token-claims';
import { TokenVerificationOptions } from './token-verification.options';

const invalid = () => new UnauthenticatedError('TOKEN_INVALID', 'The access token is not valid');

/** Verifies ES256 access tokens: signature against the published keys, `typ`, `iss`, `aud` and `exp`. */
@Injectable()
export class TokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly keys: SigningKeySource,
    private readonly options: TokenVerificationOptions,
  ) {}

  async verify(token: string, audience: string): Promise<AccessTokenClaims> {
    // Null for a token that is not a JWT at all, whatever the declared type says.
    const decoded = this.jwt.decode(token, { complete: true }) as {
      header?: { kid?: unknown; typ?: unknown; alg?: unknown };
    } | null;
    const header = decoded?.header;
    if (
      !header ||
      header.alg !== TOKEN_ALGORITHM ||
      header.typ !== ACCESS_TOKEN_TYPE ||
      typeof header.kid !== 'string'
    ) {
      throw invalid();
    }
    const publicKey = await this.keys.publicKey(header.kid);
    if (!publicKey) throw invalid();
    try {
      return await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        publicKey,
        algorithms: [TOKEN_ALGORITHM],
        issuer: this.options.issuer,
        audience,
      });
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw new UnauthenticatedError('TOKEN_EXPIRED', 'The access token has expired');
      }
      throw invalid();
    }
  }
}
