import { ApiProperty } from '@nestjs/swagger';
import type { AdoptedMysfit } from '../adoptions.service';

export class AdoptionResponse {
  @ApiProperty({ format: 'uuid' }) mysfitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() thumbImageUri!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() adoptedAt!: string;

  static from({ adoption, mysfit }: AdoptedMysfit): AdoptionResponse {
    return {
      mysfitId: mysfit.id,
      name: mysfit.name,
      thumbImageUri: mysfit.thumbImageUri,
      userId: adoption.userId,
      adoptedAt: adoption.adoptedAt.toISOString(),
    };
  }
}

export class AdoptionList {
  @ApiProperty({ type: [AdoptionResponse] }) adoptions!: AdoptionResponse[];
}
