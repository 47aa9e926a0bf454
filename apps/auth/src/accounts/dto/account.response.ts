import { ApiProperty } from '@nestjs/swagger';
import type { User } from '../../users';

export class AccountResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  createdAt!: string;

  static from(user: User): AccountResponse {
    return { id: user.id, email: user.email, displayName: user.displayName, createdAt: user.createdAt.toISOString() };
  }
}
