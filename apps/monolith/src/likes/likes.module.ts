import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue';
import { DynamoDbModule } from '../dynamodb';
import { DynamoDbLikesRepository } from './dynamodb-likes.repository';
import { FulfillLikeController } from './fulfill-like.controller';
import { LikesRepository } from './likes.repository';
import { LikesService } from './likes.service';

/** The internal fulfill-like route; nothing here is for other features. */
@Module({
  imports: [DynamoDbModule, CatalogueModule],
  controllers: [FulfillLikeController],
  providers: [LikesService, { provide: LikesRepository, useClass: DynamoDbLikesRepository }],
})
export class LikesModule {}
