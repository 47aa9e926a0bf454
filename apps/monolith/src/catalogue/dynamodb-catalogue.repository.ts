import { Inject, Injectable } from '@nestjs/common';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchGetCommandOutput,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { monolithConfig, MonolithConfig } from '../../config/monolith.config';
import { Mysfit, MysfitFilter } from '../mysfit';
import { AlreadyAdoptedError, MysfitNotFoundError } from '../mysfits.errors';
import { LikeOutcome, MysfitsRepository } from '../mysfits.repository';
import { GOOD_EVIL_INDEX, LAW_CHAOS_INDEX } from './mysfits.tables';
import { fromItem, MysfitItem, toItem } from './mysfit.item';

const INDEX_BY_AXIS = { GoodEvil: GOOD_EVIL_INDEX, LawChaos: LAW_CHAOS_INDEX } as const;
const BATCH_GET_LIMIT = 100;

@Injectable()
export class DynamoDbMysfitsRepository extends MysfitsRepository {
  private readonly mysfitsTable: string;
  private readonly likesTable: string;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    @Inject(monolithConfig.KEY) config: MonolithConfig,
  ) {
    super();
    this.mysfitsTable = config.MYSFITS_TABLE;
    this.likesTable = config.LIKES_TABLE;
  }

  async list(filter?: MysfitFilter): Promise<Mysfit[]> {
    const items: MysfitItem[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        filter
          ? new QueryCommand({
              TableName: this.mysfitsTable,
              IndexName: INDEX_BY_AXIS[filter.axis],
              KeyConditionExpression: '#axis = :value',
              ExpressionAttributeNames: { '#axis': filter.axis },
              ExpressionAttributeValues: { ':value': filter.value },
              ExclusiveStartKey: startKey,
            })
          : new ScanCommand({ TableName: this.mysfitsTable, ExclusiveStartKey: startKey }),
      );
      items.push(...((page.Items ?? []) as MysfitItem[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items.map(fromItem).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<Mysfit | null> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.mysfitsTable, Key: { MysfitId: id }, ConsistentRead: true }),
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
          new BatchGetCommand({ RequestItems: { [this.mysfitsTable]: { Keys: keys } } }),
        );
        found.push(...((result.Responses?.[this.mysfitsTable] ?? []) as MysfitItem[]).map(fromItem));
        keys = result.UnprocessedKeys?.[this.mysfitsTable]?.Keys;
      }
    }
    return found;
  }

  async recordLike(id: string, userId: string): Promise<LikeOutcome> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.likesTable,
                Item: { MysfitId: id, UserId: userId, LikedAt: new Date().toISOString() },
                ConditionExpression: 'attribute_not_exists(UserId)',
              },
            },
            {
              Update: {
                TableName: this.mysfitsTable,
                Key: { MysfitId: id },
                UpdateExpression: 'ADD Likes :one',
                ConditionExpression: 'attribute_exists(MysfitId)',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
      return { likes: await this.likesOf(id), alreadyLiked: false };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [like, counter] = (error.CancellationReasons ?? []).map((reason) => reason.Code);
      if (counter === 'ConditionalCheckFailed') throw new MysfitNotFoundError(id);
      if (like === 'ConditionalCheckFailed') return { likes: await this.likesOf(id), alreadyLiked: true };
      throw error;
    }
  }

  async markAdopted(id: string): Promise<void> {
    await this.setAdopted(id, true, new AlreadyAdoptedError());
  }

  async unmarkAdopted(id: string): Promise<void> {
    await this.setAdopted(id, false);
  }

  async addIfMissing(mysfit: Omit<Mysfit, 'likes' | 'adopted'>): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.mysfitsTable,
          Item: toItem({ ...mysfit, likes: 0, adopted: false }),
          ConditionExpression: 'attribute_not_exists(MysfitId)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async likesOf(id: string): Promise<number> {
    const mysfit = await this.get(id);
    if (!mysfit) throw new MysfitNotFoundError(id);
    return mysfit.likes;
  }

  private async setAdopted(id: string, adopted: boolean, whenUnchanged?: Error): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.mysfitsTable,
          Key: { MysfitId: id },
          UpdateExpression: 'SET Adopted = :to',
          ConditionExpression: 'attribute_exists(MysfitId) AND Adopted = :from',
          ExpressionAttributeValues: { ':to': adopted, ':from': !adopted },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && whenUnchanged) throw whenUnchanged;
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
