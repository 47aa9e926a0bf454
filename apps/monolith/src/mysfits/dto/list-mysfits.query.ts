import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FILTERS, FilterAxis } from '../../catalogue';

export class ListMysfitsQuery {
  @ApiPropertyOptional({ enum: Object.keys(FILTERS) })
  @IsOptional()
  @IsIn(Object.keys(FILTERS), { message: 'filter must be GoodEvil or LawChaos' })
  filter?: FilterAxis;

  @ApiPropertyOptional({ description: 'Good, Neutral or Evil for GoodEvil; Lawful, Neutral or Chaotic for LawChaos' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  value?: string;
}
