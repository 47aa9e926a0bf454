import { Inject, Injectable } from '@nestjs/common';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { monolithConfig, StoresConfig } from '../config';
import { LikeRecord, LikesRepository } from './likes.repository';

/** A conditional put on the (mysfit, user) key of the likes table and an atomic ADD on the mysfit, together. */
@Injectable()
export class DynamoDbLikesRepository extends LikesRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    @Inject(monolithConfig.KEY) private readonly config: Pick<StoresConfig, 'MYSFITS_TABLE' | 'LIKES_TABLE'>,
  ) {
    super();
  }

  async record(mysfitId: string, userId: string): Promise<LikeRecord> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.config.LIKES_TABLE,
                Item: { MysfitId: mysfitId, UserId: userId, LikedAt: new Date().toISOString() },
                ConditionExpression: 'attribute_not_exists(UserId)',
              },
            },
            {
              Update: {
                TableName: this.config.MYSFITS_TABLE,
                Key: { MysfitId: mysfitId },
                UpdateExpression: 'ADD Likes :one',
                ConditionExpression: 'attribute_exists(MysfitId)',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
      return 'recorded';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [like, counter] = (error.CancellationReasons ?? []).map((reason) => reason.Code);
      if (counter === 'ConditionalCheckFailed') return 'no-such-mysfit';
      if (like === 'ConditionalCheckFailed') return 'repeated';
      throw error;
    }
  }
}
