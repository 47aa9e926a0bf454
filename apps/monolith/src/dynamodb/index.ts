export { DynamoDbHealthIndicator } from './dynamodb.health';
export { DynamoDbModule } from './dynamodb.module';
