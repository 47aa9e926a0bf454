import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';

export interface MysfitsTableSettings {
  region: string;
  /** Only for DynamoDB Local; in AWS the SDK finds the endpoint and the credentials (IRSA) itself. */
  endpoint?: string;
  tableName: string;
}

export interface MysfitFlag {
  mysfitId: string;
  adopted: boolean;
}

/**
 * The mysfits table, which the monolith and the services after it share (DESIGN.md, "Data": partition
 * key `MysfitId`, `Adopted` a boolean). Only the calls the monolith's IAM role allows: Scan, UpdateItem.
 */
export class MysfitsTable {
  private readonly client: DynamoDBDocumentClient;

  constructor(private readonly settings: MysfitsTableSettings) {
    this.client = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: settings.region,
        endpoint: settings.endpoint,
        credentials: settings.endpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
        maxAttempts: 3,
        requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000 },
      }),
    );
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

  /** The DynamoDB calls this class makes, as IAM actions (checked against the monolith's role). */
  static readonly iamActions = ['dynamodb:Scan', 'dynamodb:UpdateItem'];

  destroy(): void {
    this.client.destroy();
  }
}
