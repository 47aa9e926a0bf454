import { flag, secret } from '@app/config-kit';

/** The environment of a service's database connection; each app's config schema includes it. */
export const databaseEnv = {
  /** postgres://user[:password]@host:port/database[?sslmode=...]; no password with DATABASE_IAM_AUTH. */
  DATABASE_URL: secret,
  /**
   * Sign in as the URL's user with an RDS IAM authentication token, signed per connection with the pod's
   * AWS credentials (IRSA), instead of a password: on EKS no database password exists in Kubernetes.
   */
  DATABASE_IAM_AUTH: flag(false),
};

/** The database connection settings a service passes to its data source. */
export interface DatabaseConnection {
  DATABASE_URL: string;
  DATABASE_IAM_AUTH: boolean;
  /** The region of the database, which an IAM authentication token is signed for. */
  AWS_REGION: string;
}
