export { AccessTokenGuard, CurrentUser, ServiceCallers, ServiceTokenGuard } from './guards';
export { jwksKeys } from './jwks-key-source';
export { SigningKeySource } from './signing-key-source';
export { ACCESS_TOKEN_TYPE, TOKEN_ALGORITHM, type AuthenticatedUser } from './token-claims';
export { TokenVerificationModule, type TokenVerificationModuleOptions } from './token-verification.module';
export {
  accessTokenEnv,
  expectedClaims,
  jwksEnv,
  type AccessTokenEnv,
  type ExpectedClaims,
  type TokenVerificationSettings,
} from './token-verification.options';
