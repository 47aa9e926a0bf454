import { Signer } from '@aws-sdk/rds-signer';

/** Host, port, user and region of the database; credentials default to the SDK's chain (on EKS, IRSA). */
export type IamAuthenticationTarget = ConstructorParameters<typeof Signer>[0];

/**
 * node-postgres's password callback for RDS IAM authentication: every new connection gets a freshly signed
 * token (valid 15 minutes, accepted only with rds-db:connect on this database user), so nothing expires or
 * rotates under a running pool.
 */
export function rdsIamAuthToken(target: IamAuthenticationTarget): () => Promise<string> {
  const signer = new Signer(target);
  return () => signer.getAuthToken();
}
