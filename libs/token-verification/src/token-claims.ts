/** The `typ` header of every access token (RFC 9068), so no other JWT can pass as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** The only signature algorithm accepted; pinned so that `alg: none` or HS256 tricks are refused. */
export const TOKEN_ALGORITHM = 'ES256';

export interface AccessTokenClaims {
  sub: string;
  iss: string;
  aud: string | string[];
  exp: number;
  iat: number;
  jti: string;
  /** Set on service tokens: the client the token was issued to. */
  client_id?: string;
}

/** Who is calling, as established by a verified token. */
export interface AuthenticatedUser {
  id: string;
}
