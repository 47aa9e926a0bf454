import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Counter, Histogram } from 'prom-client';

const operationDuration = new Histogram({
  name: 'dynamodb_operation_duration_seconds',
  help: 'Duration of DynamoDB API calls, by operation, failed ones included',
  labelNames: ['operation'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
});

const operationErrors = new Counter({
  name: 'dynamodb_operation_errors_total',
  help: 'DynamoDB API calls that failed, by operation and error class; refused conditions are the expected answer to a repeated like or adoption',
  labelNames: ['operation', 'error'],
});

/** The SDK's error names, by the class dynamodb_operation_errors_total counts them under. */
const ERROR_CLASSES: Record<string, string> = {
  ConditionalCheckFailedException: 'condition_failed',
  ProvisionedThroughputExceededException: 'throttled',
  RequestLimitExceeded: 'throttled',
  ThrottlingException: 'throttled',
  ValidationException: 'validation',
  InternalServerError: 'unavailable',
  ServiceUnavailable: 'unavailable',
};

/** The class of a failed call: a 5xx or a network failure is `unavailable`. */
export function dynamoDbErrorClass(error: unknown): string {
  const { name, $metadata, CancellationReasons } = error as {
    name?: string;
    $metadata?: { httpStatusCode?: number };
    CancellationReasons?: { Code?: string }[];
  };
  // A transaction refused because one of its conditions failed (a repeated like).
  if (CancellationReasons?.some((reason) => reason.Code === 'ConditionalCheckFailed')) return 'condition_failed';
  const known = name ? ERROR_CLASSES[name] : undefined;
  if (known) return known;
  const statusCode = $metadata?.httpStatusCode;
  return statusCode === undefined || statusCode >= 500 ? 'unavailable' : 'other';
}

/**
 * Times every call the client makes, retries included, by API operation (`PutItem`, never the
 * document client's `Put`), and counts the failed ones by class.
 */
export function measureOperations(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      const started = performance.now();
      try {
        return await next(args);
      } catch (error) {
        operationErrors.inc({ operation, error: dynamoDbErrorClass(error) });
        throw error;
      } finally {
        operationDuration.observe({ operation }, (performance.now() - started) / 1000);
      }
    },
    { step: 'initialize', name: 'operationMetrics' },
  );
}
