import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length } from 'class-validator';
import { CodePointLength, PlainText } from '@app/http-kit';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterRequest {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @Transform(trimmed)
  @IsEmail()
  @CodePointLength(3, 254)
  email!: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @Length(8, 128)
  password!: string;

  @ApiProperty({ example: 'Ada', minLength: 1, maxLength: 50 })
  @Transform(trimmed)
  @IsString()
  @CodePointLength(1, 50)
  @PlainText()
  displayName!: string;
}
