import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** Route parameter of every `/mysfits/:id/...` route: mysfit ids are UUIDs, as in the original workshop. */
export class MysfitIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a mysfit id (a UUID)' })
  id!: string;
}
