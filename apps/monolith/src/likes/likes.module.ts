import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue';
import { DynamoDbModule } from '../dynamodb';
import { DynamoDbLikesRepository } from './dynamodb-likes.repository';
import { FulfillLikeController } from './fulfill-like.controller';
import { LikesRepository } from './likes.repository';
import { likesCounter, LikesService } from './likes.service';

/** The internal fulfill-like route; nothing here is for other features. */
@Module({
  imports: [DynamoDbModule, CatalogueModule],
  controllers: [FulfillLikeController],
  providers: [LikesService, likesCounter, { provide: LikesRepository, useClass: DynamoDbLikesRepository }],
})
export class LikesModule {}
