import { CreateTableCommand, ResourceInUseException, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { migrateDatabase } from '@app/database';
import { MonolithConfig } from '../config/monolith.config';
import { createDocumentClient } from '../dynamodb/dynamodb.client';
import { DynamoDbMysfitsRepository } from '../mysfits/persistence/dynamodb-mysfits.repository';
import { likesTableDefinition, mysfitsTableDefinition } from '../mysfits/persistence/mysfits.tables';
import { seedMysfits } from '../mysfits/seed/seed-mysfits';
import { appDataSourceOptions } from './app-data-source.options';

/** Brings both stores up to date: Postgres migrations, the DynamoDB tables (locally) and the seed mysfits. */
export async function migrateStores(config: MonolithConfig) {
  const applied = await migrateDatabase(appDataSourceOptions(config));
  const client = createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  try {
    if (config.DYNAMODB_CREATE_TABLES) {
      for (const table of [mysfitsTableDefinition(config.MYSFITS_TABLE), likesTableDefinition(config.LIKES_TABLE)]) {
        await client.send(new CreateTableCommand(table)).catch((error: unknown) => {
          if (!(error instanceof ResourceInUseException)) throw error;
        });
        await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: table.TableName });
      }
    }
    const seeded = await seedMysfits(new DynamoDbMysfitsRepository(client, config));
    return { applied, seeded };
  } finally {
    client.destroy();
  }
}
