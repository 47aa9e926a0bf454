import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const GOOD_EVIL_INDEX = 'GoodEvilIndex';
export const LAW_CHAOS_INDEX = 'LawChaosIndex';

/**
 * The mysfits table: one item per mysfit, queried by id or through one GSI per alignment axis.
 * The monolith's migrate command creates it locally; Terraform (terraform/modules/dynamodb) declares
 * the same keys and indexes in AWS, and a test keeps the two equal.
 */
export function mysfitsTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'MysfitId', AttributeType: 'S' },
      { AttributeName: 'GoodEvil', AttributeType: 'S' },
      { AttributeName: 'LawChaos', AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: 'MysfitId', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [
      {
        IndexName: GOOD_EVIL_INDEX,
        KeySchema: [
          { AttributeName: 'GoodEvil', KeyType: 'HASH' },
          { AttributeName: 'MysfitId', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: LAW_CHAOS_INDEX,
        KeySchema: [
          { AttributeName: 'LawChaos', KeyType: 'HASH' },
          { AttributeName: 'MysfitId', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

/** One item per (mysfit, user) like: the conditional put on this key is what makes a like count once. */
export function likesTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'MysfitId', AttributeType: 'S' },
      { AttributeName: 'UserId', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'MysfitId', KeyType: 'HASH' },
      { AttributeName: 'UserId', KeyType: 'RANGE' },
    ],
  };
}
