import { Module } from '@nestjs/common';
import { AdoptionsModule } from '../adoptions';
import { CatalogueModule } from '../catalogue';
import { MysfitsController } from './mysfits.controller';

/** The public pages of the mysfits: the list from the catalogue, and each profile with its adopter. */
@Module({
  imports: [CatalogueModule, AdoptionsModule],
  controllers: [MysfitsController],
})
export class MysfitsModule {}
