import { DynamicModule, InjectionToken, Module, ModuleMetadata } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenGuard, ServiceTokenGuard } from './guards';
import { SigningKeySource } from './signing-key-source';
import { TokenVerificationOptions, TokenVerificationSettings } from './token-verification.options';
import { TokenVerifier } from './token-verifier';

const SETTINGS = Symbol('TOKEN_VERIFICATION_SETTINGS');

export interface TokenVerificationModuleOptions {
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => TokenVerificationSettings;
}

/** The access-token guards, for every route of the app (registered once, globally, like the config). */
@Module({})
export class TokenVerificationModule {
  static forRootAsync(options: TokenVerificationModuleOptions): DynamicModule {
    return {
      module: TokenVerificationModule,
      global: true,
      imports: [JwtModule.register({}), ...(options.imports ?? [])],
      providers: [
        { provide: SETTINGS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: TokenVerificationOptions,
          inject: [SETTINGS],
          useFactory: ({
            issuer,
            audience,
            internalAudience,
          }: TokenVerificationSettings): TokenVerificationOptions => ({
            issuer,
            audience,
            internalAudience,
          }),
        },
        {
          provide: SigningKeySource,
          inject: [SETTINGS],
          useFactory: (settings: TokenVerificationSettings) => settings.keys,
        },
        TokenVerifier,
        AccessTokenGuard,
        ServiceTokenGuard,
      ],
      exports: [TokenVerifier, TokenVerificationOptions, AccessTokenGuard, ServiceTokenGuard],
    };
  }
}
