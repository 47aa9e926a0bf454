import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FulfillLikeRequest, LIKE_SERVICE_CLIENT, LikeResult, MysfitIdParams } from '@app/mysfits-contract';
import { ServiceCallers, ServiceTokenGuard } from '@app/token-verification';
import { LikesService } from './likes.service';

/**
 * Internal: the persistence half of a like, called by the like service only. It stays out of the public
 * OpenAPI document: the like service's client is typed from @app/mysfits-contract, not from that document.
 */
@ApiExcludeController()
@Controller('mysfits')
export class FulfillLikeController {
  constructor(private readonly likes: LikesService) {}

  @Post(':id/fulfill-like')
  @HttpCode(HttpStatus.OK)
  @ServiceCallers([LIKE_SERVICE_CLIENT])
  @UseGuards(ServiceTokenGuard)
  async fulfillLike(@Param() params: MysfitIdParams, @Body() request: FulfillLikeRequest): Promise<LikeResult> {
    const outcome = await this.likes.fulfil(params.id, request.userId);
    return { mysfitId: params.id, ...outcome };
  }
}
