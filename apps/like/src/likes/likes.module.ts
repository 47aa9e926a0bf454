import { Module } from '@nestjs/common';
import { MonolithClientModule } from '../monolith-client';
import { LikesController } from './likes.controller';
import { LikesService } from './likes.service';

/** The public like route; nothing here is for other features. */
@Module({
  imports: [MonolithClientModule],
  controllers: [LikesController],
  providers: [LikesService],
})
export class LikesModule {}
