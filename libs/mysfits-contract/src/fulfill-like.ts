import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/**
 * The monolith's internal `POST /mysfits/:id/fulfill-like`: the persistence half of a like.
 * The like service calls it with a service token; the public entry points never route to it.
 */
/** Its route pattern, as metrics name it (never the path of one mysfit). */
export const FULFILL_LIKE_ROUTE = '/mysfits/:id/fulfill-like';
export const fulfillLikePath = (mysfitId: string) => `/mysfits/${encodeURIComponent(mysfitId)}/fulfill-like`;

/** The service client allowed to call fulfill-like. */
export const LIKE_SERVICE_CLIENT = 'like';

export class FulfillLikeRequest {
  @ApiProperty({ format: 'uuid', description: 'The user who likes the mysfit' })
  @IsUUID()
  userId!: string;
}

export class LikeResult {
  @ApiProperty({ format: 'uuid' })
  mysfitId!: string;

  @ApiProperty({ description: 'Likes after this request' })
  likes!: number;

  @ApiProperty({ description: 'True when this user had liked the mysfit before; the count did not change' })
  alreadyLiked!: boolean;
}
