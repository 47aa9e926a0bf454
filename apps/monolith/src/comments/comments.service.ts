import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MysfitsService } from '../mysfits/mysfits.service';
import { UserDirectory } from '../users/user-directory';
import { Comment, CommentsRepository } from './comments.repository';

export interface NamedComment {
  comment: Comment;
  authorName: string | null;
}

const SHOWN_COMMENTS = 100;

@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly mysfits: MysfitsService,
    private readonly users: UserDirectory,
  ) {}

  async add(
    mysfitId: string,
    userId: string,
    content: string,
    stars: number,
    requestId: string,
  ): Promise<NamedComment> {
    await this.mysfits.get(mysfitId);
    const comment = await this.comments.add({ id: randomUUID(), mysfitId, userId, content, stars });
    const names = await this.users.displayNames([userId], requestId);
    return { comment, authorName: names.get(userId) ?? null };
  }

  async list(mysfitId: string, requestId: string): Promise<NamedComment[]> {
    await this.mysfits.get(mysfitId);
    const comments = await this.comments.latestFor(mysfitId, SHOWN_COMMENTS);
    const names = await this.users.displayNames(
      comments.map((c) => c.userId),
      requestId,
    );
    return comments.map((comment) => ({ comment, authorName: names.get(comment.userId) ?? null }));
  }
}
