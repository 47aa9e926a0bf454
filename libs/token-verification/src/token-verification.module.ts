import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenGuard, ServiceTokenGuard } from './guards';
import { JwksKeySource } from './jwks-key-source';
import { SigningKeySource } from './signing-key-source';
import { tokenVerificationConfig, TokenVerificationOptions } from './token-verification.options';
import { TokenVerifier } from './token-verifier';

const exported = [TokenVerifier, AccessTokenGuard, ServiceTokenGuard, TokenVerificationOptions, SigningKeySource];

@Module({})
export class TokenVerificationModule {
  /** For services that verify tokens against `auth`'s published JWKS (configured from the environment). */
  static forJwks(): DynamicModule {
    return {
      module: TokenVerificationModule,
      imports: [JwtModule.register({}), ConfigModule.forFeature(tokenVerificationConfig)],
      providers: [
        ...shared(),
        {
          provide: TokenVerificationOptions,
          inject: [tokenVerificationConfig.KEY],
          useFactory: (config: ConfigType<typeof tokenVerificationConfig>): TokenVerificationOptions => ({
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
            internalAudience: config.JWT_INTERNAL_AUDIENCE,
          }),
        },
        {
          provide: SigningKeySource,
          inject: [tokenVerificationConfig.KEY],
          useFactory: (config: ConfigType<typeof tokenVerificationConfig>) => new JwksKeySource(config.AUTH_JWKS_URL),
        },
      ],
      exports: exported,
    };
  }

  /** For the token issuer itself, which verifies against the keys it holds. */
  static forKeys(options: {
    imports: DynamicModule['imports'];
    keys: Type<SigningKeySource>;
    options: Provider;
  }): DynamicModule {
    return {
      module: TokenVerificationModule,
      imports: [JwtModule.register({}), ...(options.imports ?? [])],
      providers: [...shared(), { provide: SigningKeySource, useExisting: options.keys }, options.options],
      exports: exported,
    };
  }
}

function shared(): Provider[] {
  return [TokenVerifier, AccessTokenGuard, ServiceTokenGuard];
}
