import { type DynamoDBDocumentClient, paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, type DynamoDbSettings } from '@app/dynamodb';

export interface MysfitsTableSettings extends DynamoDbSettings {
  tableName: string;
}

export interface MysfitFlag {
  mysfitId: string;
  adopted: boolean;
}

/**
 * The mysfits table, which the monolith and the services after it share (DESIGN.md, "Data": partition
 * key `MysfitId`, `Adopted` a boolean): Scan and UpdateItem, which the split's IAM role allows
 * (terraform/test/iam-covers-code.spec.ts reads this file).
 */
export class MysfitsTable {
  private readonly client: DynamoDBDocumentClient;

  constructor(private readonly settings: MysfitsTableSettings) {
    this.client = createDocumentClient(settings);
  }

  /** Every mysfit's id and adoption flag, sorted by id. */
  async flags(): Promise<MysfitFlag[]> {
    const flags: MysfitFlag[] = [];
    const pages = paginateScan(
      { client: this.client },
      { TableName: this.settings.tableName, ProjectionExpression: 'MysfitId, Adopted' },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        flags.push({ mysfitId: String(item.MysfitId), adopted: item.Adopted === true });
      }
    }
    return flags.sort((a, b) => a.mysfitId.localeCompare(b.mysfitId));
  }

  /** Sets the flag of an existing mysfit (never creates one). */
  async setAdopted(mysfitId: string, adopted: boolean): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.settings.tableName,
        Key: { MysfitId: mysfitId },
        UpdateExpression: 'SET Adopted = :adopted',
        ConditionExpression: 'attribute_exists(MysfitId)',
        ExpressionAttributeValues: { ':adopted': adopted },
      }),
    );
  }

  destroy(): void {
    this.client.destroy();
  }
}
