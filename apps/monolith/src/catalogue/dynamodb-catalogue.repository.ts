import { Inject, Injectable } from '@nestjs/common';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchGetCommandOutput,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { GOOD_EVIL_INDEX, LAW_CHAOS_INDEX, MysfitDescription } from '@app/mysfits-data';
import { monolithConfig, StoresConfig } from '../config';
import { CatalogueRepository } from './catalogue.repository';
import { Mysfit, MysfitFilter } from './mysfit';
import { fromItem, MysfitItem, newItem } from './mysfit.item';

const INDEX_BY_AXIS = { GoodEvil: GOOD_EVIL_INDEX, LawChaos: LAW_CHAOS_INDEX } as const;
const BATCH_GET_LIMIT = 100;

@Injectable()
export class DynamoDbCatalogueRepository extends CatalogueRepository {
  private readonly table: string;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    @Inject(monolithConfig.KEY) config: Pick<StoresConfig, 'MYSFITS_TABLE'>,
  ) {
    super();
    this.table = config.MYSFITS_TABLE;
  }

  async list(filter?: MysfitFilter): Promise<Mysfit[]> {
    const items: MysfitItem[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        filter
          ? new QueryCommand({
              TableName: this.table,
              IndexName: INDEX_BY_AXIS[filter.axis],
              KeyConditionExpression: '#axis = :value',
              ExpressionAttributeNames: { '#axis': filter.axis },
              ExpressionAttributeValues: { ':value': filter.value },
              ExclusiveStartKey: startKey,
            })
          : new ScanCommand({ TableName: this.table, ExclusiveStartKey: startKey }),
      );
      items.push(...((page.Items ?? []) as MysfitItem[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items.map(fromItem).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<Mysfit | null> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.table, Key: { MysfitId: id }, ConsistentRead: true }),
    );
    return Item ? fromItem(Item as MysfitItem) : null;
  }

  async getMany(ids: string[]): Promise<Mysfit[]> {
    const unique = [...new Set(ids)];
    const found: Mysfit[] = [];
    for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
      let keys: Record<string, unknown>[] | undefined = unique
        .slice(start, start + BATCH_GET_LIMIT)
        .map((id) => ({ MysfitId: id }));
      while (keys?.length) {
        const result: BatchGetCommandOutput = await this.client.send(
          new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys } } }),
        );
        found.push(...((result.Responses?.[this.table] ?? []) as MysfitItem[]).map(fromItem));
        keys = result.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return found;
  }

  async addIfMissing(mysfit: MysfitDescription): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: newItem(mysfit),
          ConditionExpression: 'attribute_not_exists(MysfitId)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
