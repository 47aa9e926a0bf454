import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ObservabilityModule, observabilitySettings } from '@app/observability';
import { RequestContextModule } from '@app/request-context';
import { expectedClaims, TokenVerificationModule } from '@app/token-verification';
import { AccountsModule } from './accounts';
import { BrowserSessionModule } from './browser-session';
import { authConfig, AuthConfig } from './config';
import { authDataSourceOptions } from './database';
import { AuthReadiness } from './health';
import { ServiceTokensModule } from './service-tokens';
import { SigningKeys, TokensModule } from './tokens';
import { UsersModule } from './users';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [authConfig] }),
    RequestContextModule.forRoot(),
    TypeOrmModule.forRootAsync({
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({ ...authDataSourceOptions(config), autoLoadEntities: true }),
    }),
    ObservabilityModule.forRootAsync({
      service: 'auth',
      readiness: AuthReadiness,
      imports: [TerminusModule],
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => observabilitySettings(config),
    }),
    // Auth verifies the tokens it issued itself against its own signing keys, not its published JWKS.
    TokenVerificationModule.forRootAsync({
      imports: [TokensModule],
      inject: [authConfig.KEY, SigningKeys],
      useFactory: (config: AuthConfig, keys: SigningKeys) => ({ ...expectedClaims(config), keys }),
    }),
    AccountsModule,
    BrowserSessionModule,
    UsersModule,
    ServiceTokensModule,
  ],
})
export class AuthModule {}
