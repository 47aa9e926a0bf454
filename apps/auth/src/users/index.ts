export { normalizeEmail, type User } from './user';
export { EmailTakenError } from './user.errors';
export { UsersModule } from './users.module';
export { UsersService } from './users.service';
