export { createDocumentClient, dynamoDbEnv, type DynamoDbSettings } from './document-client';
