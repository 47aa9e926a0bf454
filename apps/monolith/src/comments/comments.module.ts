import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '../catalogue';
import { UsersModule } from '../users';
import { CommentEntity } from './comment.entity';
import { CommentsController } from './comments.controller';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';
import { TypeOrmCommentsRepository } from './typeorm-comments.repository';

/** Comments on mysfits, with their authors' names; nothing here is for other features. */
@Module({
  imports: [TypeOrmModule.forFeature([CommentEntity]), CatalogueModule, UsersModule],
  controllers: [CommentsController],
  providers: [CommentsService, { provide: CommentsRepository, useClass: TypeOrmCommentsRepository }],
})
export class CommentsModule {}
