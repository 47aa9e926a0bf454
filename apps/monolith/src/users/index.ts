export { UserDirectory } from './user-directory';
export { UsersModule } from './users.module';
