import { CreateTableCommand, ResourceInUseException, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { migrateDatabase } from '@app/database';
import { createDocumentClient } from '@app/dynamodb';
import { likesTableDefinition, mysfitsTableDefinition } from '@app/mysfits-data';
import { seedCatalogue } from '../catalogue';
import type { StoresConfig } from '../config';
import { appDataSourceOptions } from './app-data-source.options';

/** Brings both stores up to date: Postgres migrations, the DynamoDB tables (locally) and the seed mysfits. */
export async function migrateStores(config: StoresConfig) {
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
    const seeded = await seedCatalogue(client, config);
    return { applied, seeded };
  } finally {
    client.destroy();
  }
}
