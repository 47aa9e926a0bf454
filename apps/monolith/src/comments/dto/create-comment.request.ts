import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNumber, IsString, Max, Min } from 'class-validator';
import { CodePointLength, PlainText } from '@app/http-kit';

export class CreateCommentRequest {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @CodePointLength(1, 200)
  @PlainText({ multiline: true })
  content!: string;

  @ApiProperty({ minimum: 0, maximum: 5, example: 4.5, description: 'Stars, 0.0 to 5.0 in steps of 0.1' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(5)
  stars!: number;
}
