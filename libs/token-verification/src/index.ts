export * from './guards';
export * from './jwks-key-source';
export * from './signing-key-source';
export * from './token-claims';
export * from './token-verification.module';
export * from './token-verification.options';
export * from './token-verifier';
