import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { awsRegion, httpUrl } from '@app/config-kit';
import { measureOperations } from './operation-metrics';

/** Where DynamoDB is, for the config schema of an app that uses it. */
export const dynamoDbEnv = z.object({
  AWS_REGION: awsRegion,
  /** Only for DynamoDB Local; in AWS the SDK finds the regional endpoint and IRSA credentials itself. */
  DYNAMODB_ENDPOINT: httpUrl.optional(),
});

export interface DynamoDbSettings {
  region: string;
  endpoint?: string;
}

/**
 * A document client with bounded waits: a slow or unreachable DynamoDB fails the request in
 * seconds instead of holding it. The SDK retries throttling and transient errors itself. Every call is
 * timed in dynamodb_operation_duration_seconds.
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
  measureOperations(client);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
