import { newJwtPrivateKey, randomSecret } from '../secrets/generate';

/**
 * The contents of a `.env` for compose.yaml with fresh secrets. The PEM key goes on one line with `\n`
 * escapes inside double quotes, which Compose v1 and v2 both turn back into newlines.
 */
export function composeEnvFile(): string {
  const key = newJwtPrivateKey().trimEnd().replaceAll('\n', '\\n');
  return [
    '# Secrets for compose.yaml, made by `npm run compose:env`. Git-ignored: never commit it.',
    'COMPOSE_PROJECT_NAME=mysfits',
    `AUTH_DB_PASSWORD=${randomSecret(18)}`,
    `APP_DB_PASSWORD=${randomSecret(18)}`,
    `LIKE_CLIENT_SECRET=${randomSecret()}`,
    `JWT_PRIVATE_KEY="${key}\\n"`,
    '',
  ].join('\n');
}
