import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CommentEntity } from './comment.entity';
import { Comment, CommentsRepository } from './comments.repository';

@Injectable()
export class TypeOrmCommentsRepository extends CommentsRepository {
  constructor(@InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>) {
    super();
  }

  async add(comment: Omit<Comment, 'createdAt'>): Promise<Comment> {
    await this.comments.insert(comment);
    return this.comments.findOneByOrFail({ id: comment.id });
  }

  latestFor(mysfitId: string, limit: number): Promise<Comment[]> {
    return this.comments.find({ where: { mysfitId }, order: { createdAt: 'DESC' }, take: limit });
  }
}
