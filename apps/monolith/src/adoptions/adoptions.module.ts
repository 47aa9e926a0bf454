import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '../catalogue';
import { DynamoDbModule } from '../dynamodb';
import { UsersModule } from '../users';
import { AdoptionEntity } from './adoption.entity';
import { AdoptionFlag } from './adoption-flag';
import { AdoptionsController } from './adoptions.controller';
import { AdoptionsRepository } from './adoptions.repository';
import { AdoptionsService } from './adoptions.service';
import { DynamoDbAdoptionFlag } from './dynamodb-adoption-flag';
import { TypeOrmAdoptionsRepository } from './typeorm-adoptions.repository';

/** Adopting (the adoptions table and the mysfit's Adopted flag); exports who adopted a mysfit. */
@Module({
  imports: [TypeOrmModule.forFeature([AdoptionEntity]), DynamoDbModule, CatalogueModule, UsersModule],
  controllers: [AdoptionsController],
  providers: [
    AdoptionsService,
    { provide: AdoptionsRepository, useClass: TypeOrmAdoptionsRepository },
    { provide: AdoptionFlag, useClass: DynamoDbAdoptionFlag },
  ],
  exports: [AdoptionsService],
})
export class AdoptionsModule {}
