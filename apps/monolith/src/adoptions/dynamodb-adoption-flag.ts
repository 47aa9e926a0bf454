import { Inject, Injectable } from '@nestjs/common';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { monolithConfig, StoresConfig } from '../config';
import { AdoptionFlag } from './adoption-flag';

/** The flag as the `Adopted` attribute of the mysfit's item, changed only from the opposite value. */
@Injectable()
export class DynamoDbAdoptionFlag extends AdoptionFlag {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    @Inject(monolithConfig.KEY) private readonly config: Pick<StoresConfig, 'MYSFITS_TABLE'>,
  ) {
    super();
  }

  set(mysfitId: string): Promise<boolean> {
    return this.change(mysfitId, true);
  }

  async clear(mysfitId: string): Promise<void> {
    await this.change(mysfitId, false);
  }

  private async change(mysfitId: string, adopted: boolean): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.config.MYSFITS_TABLE,
          Key: { MysfitId: mysfitId },
          UpdateExpression: 'SET Adopted = :to',
          ConditionExpression: 'attribute_exists(MysfitId) AND Adopted = :from',
          ExpressionAttributeValues: { ':to': adopted, ':from': !adopted },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
