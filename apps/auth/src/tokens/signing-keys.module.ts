import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { authConfig } from '../config/auth.config';
import { SigningKeys } from './signing-keys';

@Module({
  imports: [ConfigModule.forFeature(authConfig)],
  providers: [SigningKeys],
  exports: [SigningKeys],
})
export class SigningKeysModule {}
