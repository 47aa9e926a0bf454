import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CatalogueService } from '../catalogue';
import { UserDirectory } from '../users';
import { Comment, CommentsRepository } from './comments.repository';

export interface NamedComment {
  comment: Comment;
  authorName: string | null;
}

export interface NewComment {
  mysfitId: string;
  userId: string;
  content: string;
  stars: number;
}

const SHOWN_COMMENTS = 100;

@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly catalogue: CatalogueService,
    private readonly users: UserDirectory,
  ) {}

  async add(comment: NewComment): Promise<NamedComment> {
    await this.catalogue.get(comment.mysfitId);
    const added = await this.comments.add({ id: randomUUID(), ...comment });
    const names = await this.users.displayNames([added.userId]);
    return { comment: added, authorName: names.get(added.userId) ?? null };
  }

  async list(mysfitId: string): Promise<NamedComment[]> {
    await this.catalogue.get(mysfitId);
    const comments = await this.comments.latestFor(mysfitId, SHOWN_COMMENTS);
    const names = await this.users.displayNames(comments.map((c) => c.userId));
    return comments.map((comment) => ({ comment, authorName: names.get(comment.userId) ?? null }));
  }
}
