export { CredentialsModule } from './credentials.module';
export { PasswordHasher } from './password-hasher';
