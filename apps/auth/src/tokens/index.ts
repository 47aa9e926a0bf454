export { AccessTokens, type IssuedAccessToken } from './access-tokens';
export { RefreshTokens } from './refresh-tokens';
export { SigningKeys } from './signing-keys';
export { TokensModule } from './tokens.module';
