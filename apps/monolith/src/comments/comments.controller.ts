import { Body, Controller, Get, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MysfitIdParams } from '@app/mysfits-contract';
import { AccessTokenGuard, AuthenticatedUser, CurrentUser } from '@app/token-verification';
import { CommentsService } from './comments.service';
import { CommentList, CommentResponse } from './dto/comment.response';
import { CreateCommentRequest } from './dto/create-comment.request';

@ApiTags('comments')
@Controller('mysfits/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  async list(@Param() params: MysfitIdParams): Promise<CommentList> {
    const comments = await this.comments.list(params.id);
    return { comments: comments.map(({ comment, authorName }) => CommentResponse.from(comment, authorName)) };
  }

  @Post()
  @ApiBearerAuth()
  @UseGuards(AccessTokenGuard)
  async add(
    @Param() params: MysfitIdParams,
    @Body() request: CreateCommentRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CommentResponse> {
    const { comment, authorName } = await this.comments.add({
      mysfitId: params.id,
      userId: user.id,
      content: request.content,
      stars: request.stars,
    });
    return CommentResponse.from(comment, authorName);
  }
}
