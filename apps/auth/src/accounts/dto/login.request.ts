import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length } from 'class-validator';
import { CodePointLength } from '@app/http-kit';

export class LoginRequest {
  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  @CodePointLength(3, 254)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 128)
  password!: string;
}
