import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { authConfig, AuthConfig } from '../config';
import { AccessTokens } from './access-tokens';
import { JwksController } from './jwks.controller';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RefreshTokens } from './refresh-tokens';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SigningKeys } from './signing-keys';
import { TypeOrmRefreshTokensRepository } from './typeorm-refresh-tokens.repository';

/** The signing keys and their JWKS, access tokens, and refresh tokens with their rotation. */
@Module({
  imports: [JwtModule.register({}), TypeOrmModule.forFeature([RefreshTokenEntity])],
  controllers: [JwksController],
  // SigningKeys and RefreshTokens take plain values rather than the config, so that their specs (and
  // the mutation run, which reloads them for every mutant) need not load the whole application.
  providers: [
    {
      provide: SigningKeys,
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => new SigningKeys(config.JWT_PRIVATE_KEY),
    },
    AccessTokens,
    {
      provide: RefreshTokens,
      inject: [RefreshTokensRepository, authConfig.KEY],
      useFactory: (repository: RefreshTokensRepository, config: AuthConfig) =>
        new RefreshTokens(repository, config.REFRESH_TOKEN_TTL_SECONDS, config.REFRESH_TOKEN_REUSE_GRACE_SECONDS),
    },
    { provide: RefreshTokensRepository, useClass: TypeOrmRefreshTokensRepository },
  ],
  exports: [SigningKeys, AccessTokens, RefreshTokens],
})
export class TokensModule {}
