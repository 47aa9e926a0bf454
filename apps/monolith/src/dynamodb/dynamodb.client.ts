import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoDbSettings {
  region: string;
  endpoint?: string;
}

/**
 * A document client with bounded waits: a slow or unreachable DynamoDB fails the request in
 * seconds instead of holding it. The SDK retries throttling and transient errors itself.
 */
export function createDocumentClient(settings: DynamoDbSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: settings.region,
    endpoint: settings.endpoint,
    // DynamoDB Local accepts any credentials; in AWS the default chain finds the pod's IRSA role.
    credentials: settings.endpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
    maxAttempts: 3,
    // Without throwOnRequestTimeout the SDK only logs a warning when requestTimeout passes, and waits on.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
