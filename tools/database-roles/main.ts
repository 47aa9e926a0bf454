import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { awsRegion, parseEnv, port } from '@app/config-kit';
import { ensureServiceRole, runCommand } from '@app/database';

/**
 * The database-roles step of the EKS deploy (k8s/components/eks/database-roles.yaml): signs in to one
 * database as the RDS master user, whose credentials it reads from the RDS-managed secret at connect time
 * (nothing copies them into Kubernetes), and makes sure the owning service's role exists.
 *
 *   node dist/tools/database-roles/main.js
 */
const settings = parseEnv(
  'database-roles',
  z.object({
    DATABASE_HOST: z.string().min(1),
    DATABASE_PORT: port(5432),
    DATABASE_NAME: z.string().min(1),
    DATABASE_SERVICE_ROLE: z.string().min(1),
    /** The RDS-managed secret: {"username": ..., "password": ...}, rotated by RDS. */
    DATABASE_ADMIN_SECRET_ARN: z.string().startsWith('arn:'),
    AWS_REGION: awsRegion,
  }),
  process.env,
);

const masterCredentials = z.object({ username: z.string().min(1), password: z.string().min(1) });

async function readMasterCredentials(): Promise<z.output<typeof masterCredentials>> {
  const client = new SecretsManagerClient({ region: settings.AWS_REGION });
  try {
    const { SecretString } = await client.send(
      new GetSecretValueCommand({ SecretId: settings.DATABASE_ADMIN_SECRET_ARN }),
    );
    return masterCredentials.parse(JSON.parse(SecretString ?? '{}'));
  } finally {
    client.destroy();
  }
}

runCommand('database-roles', async () => {
  const { username, password } = await readMasterCredentials();
  // RDS forces TLS (rds.force_ssl); the image trusts the RDS certificate authorities (NODE_EXTRA_CA_CERTS).
  const admin = { host: settings.DATABASE_HOST, port: settings.DATABASE_PORT, user: username, password, ssl: true };
  return { ...(await ensureServiceRole(admin, settings.DATABASE_NAME, settings.DATABASE_SERVICE_ROLE)) };
});
