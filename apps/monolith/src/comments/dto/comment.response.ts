import { ApiProperty } from '@nestjs/swagger';
import type { Comment } from '../comments.repository';

export class CommentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) mysfitId!: string;
  @ApiProperty() content!: string;
  @ApiProperty() stars!: number;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when the user directory is unavailable' })
  authorName!: string | null;
  @ApiProperty() createdAt!: string;

  static from(comment: Comment, authorName: string | null): CommentResponse {
    return {
      id: comment.id,
      mysfitId: comment.mysfitId,
      content: comment.content,
      stars: comment.stars,
      authorId: comment.userId,
      authorName,
      createdAt: comment.createdAt.toISOString(),
    };
  }
}

export class CommentList {
  @ApiProperty({ type: [CommentResponse] }) comments!: CommentResponse[];
}
