import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SEED_MYSFITS } from '@app/mysfits-data';
import type { StoresConfig } from '../config';
import { DynamoDbCatalogueRepository } from './dynamodb-catalogue.repository';

/** Adds the seed mysfits that are missing; run as often as you like, it never resets likes or adoptions. */
export async function seedCatalogue(
  client: DynamoDBDocumentClient,
  config: Pick<StoresConfig, 'MYSFITS_TABLE'>,
): Promise<{ added: number; kept: number }> {
  const catalogue = new DynamoDbCatalogueRepository(client, config);
  let added = 0;
  for (const mysfit of SEED_MYSFITS) {
    if (await catalogue.addIfMissing(mysfit)) added += 1;
  }
  return { added, kept: SEED_MYSFITS.length - added };
}
