import { dynamoDbErrorClass } from './operation-metrics';

describe('the error classes of dynamodb_operation_errors_total', () => {
  it.each([
    [{ name: 'ConditionalCheckFailedException', $metadata: { httpStatusCode: 400 } }, 'condition_failed'],
    [
      {
        name: 'TransactionCanceledException',
        $metadata: { httpStatusCode: 400 },
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      },
      'condition_failed',
    ],
    [
      {
        name: 'TransactionCanceledException',
        $metadata: { httpStatusCode: 400 },
        CancellationReasons: [{ Code: 'TransactionConflict' }],
      },
      'other',
    ],
    [{ name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } }, 'throttled'],
    [{ name: 'ValidationException', $metadata: { httpStatusCode: 400 } }, 'validation'],
    [{ name: 'InternalServerError', $metadata: { httpStatusCode: 500 } }, 'unavailable'],
    [{ name: 'TimeoutError' }, 'unavailable'],
    [{ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }, 'other'],
  ])('classes %j as %s', (error, kind) => {
    expect(dynamoDbErrorClass(error)).toBe(kind);
  });
});
