import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
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
  providers: [
    SigningKeys,
    AccessTokens,
    RefreshTokens,
    { provide: RefreshTokensRepository, useClass: TypeOrmRefreshTokensRepository },
  ],
  exports: [SigningKeys, AccessTokens, RefreshTokens],
})
export class TokensModule {}
