export { normalizeEmail, type User } from './user';
export { UsersModule } from './users.module';
export { UsersService } from './users.service';
