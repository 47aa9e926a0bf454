import { Controller, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { LikeResult, MysfitIdParams } from '@app/mysfits-contract';
import { AccessTokenGuard, AuthenticatedUser, CurrentUser } from '@app/token-verification';
import { LikesService } from './likes.service';

@ApiTags('likes')
@Controller('mysfits')
export class LikesController {
  constructor(private readonly likes: LikesService) {}

  @Post(':id/like')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @UseGuards(AccessTokenGuard)
  like(@Param() params: MysfitIdParams, @CurrentUser() user: AuthenticatedUser): Promise<LikeResult> {
    return this.likes.like(params.id, user.id);
  }
}
