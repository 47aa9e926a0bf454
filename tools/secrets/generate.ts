import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** A random secret that is safe in URLs, shell words and dotenv files. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A fresh EC P-256 private key, PEM (PKCS #8), for signing ES256 access tokens. */
export function newJwtPrivateKey(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();
}
