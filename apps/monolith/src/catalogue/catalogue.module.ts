import { Module } from '@nestjs/common';
import { DynamoDbModule } from '../dynamodb';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { DynamoDbCatalogueRepository } from './dynamodb-catalogue.repository';

@Module({
  imports: [DynamoDbModule],
  providers: [CatalogueService, { provide: CatalogueRepository, useClass: DynamoDbCatalogueRepository }],
  exports: [CatalogueService],
})
export class CatalogueModule {}
