import { rdsIamAuthToken } from './iam-authentication';

describe('rdsIamAuthToken', () => {
  const target = {
    hostname: 'mysfits-dev-auth.c9akciq32.eu-west-1.rds.amazonaws.com',
    port: 5432,
    username: 'auth_service',
    region: 'eu-west-1',
    // AWS's documented example keys: the signature is computed offline, nothing is sent.
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  };

  it('signs an RDS connect token for the user, host and region, valid for 15 minutes', async () => {
    const token = await rdsIamAuthToken(target)();
    const url = new URL(`https://${token}`);
    expect(url.host).toBe('mysfits-dev-auth.c9akciq32.eu-west-1.rds.amazonaws.com:5432');
    expect(url.searchParams.get('Action')).toBe('connect');
    expect(url.searchParams.get('DBUser')).toBe('auth_service');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(
      /^AKIAIOSFODNN7EXAMPLE\/\d{8}\/eu-west-1\/rds-db\/aws4_request$/,
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs afresh for every connection', async () => {
    const password = rdsIamAuthToken(target);
    const first = await password();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await password()).not.toBe(first);
  });
});
