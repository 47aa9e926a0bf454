import { Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ObservabilityModule } from '@app/observability';
import { TokenVerificationModule, TokenVerificationOptions } from '@app/token-verification';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { LoginThrottle } from './accounts/login-throttle';
import { authConfig, AuthConfig } from './config/auth.config';
import { LegacyPasswordVerifier } from './credentials/legacy-password-verifier';
import { PasswordHasher } from './credentials/password-hasher';
import { authDataSourceOptions } from './database/auth-data-source.options';
import { AuthReadiness } from './health/auth-readiness';
import { AuthRpcController } from './rpc/auth-rpc.controller';
import { ServiceClients } from './rpc/service-clients';
import { AccessTokens } from './tokens/access-tokens';
import { JwksController } from './tokens/jwks.controller';
import { RefreshTokenEntity } from './tokens/refresh-token.entity';
import { RefreshTokens } from './tokens/refresh-tokens';
import { RefreshTokensRepository } from './tokens/refresh-tokens.repository';
import { SigningKeys } from './tokens/signing-keys';
import { SigningKeysModule } from './tokens/signing-keys.module';
import { TypeOrmRefreshTokensRepository } from './tokens/typeorm-refresh-tokens.repository';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [authConfig] }),
    TypeOrmModule.forRootAsync({
      inject: [authConfig.KEY],
      useFactory: (config: ConfigType<typeof authConfig>) => authDataSourceOptions(config.DATABASE_URL),
    }),
    TypeOrmModule.forFeature([RefreshTokenEntity]),
    ObservabilityModule.forRoot({
      service: 'auth',
      readiness: AuthReadiness,
      imports: [TerminusModule],
    }),
    JwtModule.register({}),
    SigningKeysModule,
    TokenVerificationModule.forKeys({
      imports: [SigningKeysModule],
      keys: SigningKeys,
      options: {
        provide: TokenVerificationOptions,
        inject: [authConfig.KEY],
        useFactory: (config: AuthConfig): TokenVerificationOptions => ({
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          internalAudience: config.JWT_INTERNAL_AUDIENCE,
        }),
      },
    }),
    UsersModule,
  ],
  controllers: [AccountsController, JwksController, AuthRpcController],
  providers: [
    AccountsService,
    PasswordHasher,
    LegacyPasswordVerifier,
    AccessTokens,
    RefreshTokens,
    LoginThrottle,
    ServiceClients,
    { provide: RefreshTokensRepository, useClass: TypeOrmRefreshTokensRepository },
  ],
})
export class AuthModule {}
