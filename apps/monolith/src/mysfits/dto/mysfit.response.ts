import { ApiProperty } from '@nestjs/swagger';
import { GOOD_EVIL, LAW_CHAOS } from '@app/mysfits-data';
import type { Adopter } from '../../adoptions';
import type { Mysfit } from '../../catalogue';

/** One card of the list, with the original workshop's field names (plus the like count and adoption). */
export class MysfitSummary {
  @ApiProperty({ format: 'uuid' }) mysfitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() species!: string;
  @ApiProperty({ enum: GOOD_EVIL }) goodevil!: string;
  @ApiProperty({ enum: LAW_CHAOS }) lawchaos!: string;
  @ApiProperty() thumbImageUri!: string;
  @ApiProperty() likes!: number;
  @ApiProperty() adopted!: boolean;

  static from(mysfit: Mysfit): MysfitSummary {
    return summaryOf(mysfit);
  }
}

export class MysfitList {
  @ApiProperty({ type: [MysfitSummary] }) mysfits!: MysfitSummary[];
}

export class AdopterResponse implements Adopter {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when the user directory is unavailable' })
  displayName!: string | null;
}

export class MysfitProfile extends MysfitSummary {
  @ApiProperty() age!: number;
  @ApiProperty() description!: string;
  @ApiProperty() profileImageUri!: string;
  @ApiProperty({ type: AdopterResponse, nullable: true }) adoptedBy!: AdopterResponse | null;

  static override from(mysfit: Mysfit, adoptedBy: AdopterResponse | null = null): MysfitProfile {
    return {
      ...summaryOf(mysfit),
      age: mysfit.age,
      description: mysfit.description,
      profileImageUri: mysfit.profileImageUri,
      adoptedBy,
    };
  }
}

function summaryOf(mysfit: Mysfit) {
  return {
    mysfitId: mysfit.id,
    name: mysfit.name,
    species: mysfit.species,
    goodevil: mysfit.goodEvil,
    lawchaos: mysfit.lawChaos,
    thumbImageUri: mysfit.thumbImageUri,
    likes: mysfit.likes,
    adopted: mysfit.adopted,
  };
}
