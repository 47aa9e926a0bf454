import { OmitType } from '@nestjs/swagger';
import { TokenResponse } from '../../accounts';

/** What a browser session route returns: the refresh token travels only in the cookie. */
export class AccessTokenResponse extends OmitType(TokenResponse, ['refreshToken'] as const) {}
