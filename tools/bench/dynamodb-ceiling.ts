import { dynamoDbLocalRequest } from '../engines/dynamodb-local';
import { LoadPlan } from './load';

/** The monolith's mysfits table under the launcher's settings (MYSFITS_TABLE's default). */
export const MYSFITS_TABLE = 'Mysfits';

/**
 * DynamoDB Local's own GetItem, the call under `GET /mysfits/:id`, sent straight to it: the ceiling for
 * the routes that read DynamoDB.
 */
export function getItemPlan(endpoint: string, mysfitId: string): LoadPlan {
  return { url: endpoint, options: () => getItem(mysfitId) };
}

/** Fails unless the GetItem the ceiling sends finds the mysfit, so that the ceiling measures real reads. */
export async function assertGetItemFinds(endpoint: string, mysfitId: string): Promise<void> {
  const response = await fetch(endpoint, getItem(mysfitId));
  const text = await response.text();
  if (!response.ok || !(JSON.parse(text) as { Item?: unknown }).Item) {
    throw new Error(`GetItem on ${MYSFITS_TABLE} did not find mysfit ${mysfitId}: ${response.status} ${text}`);
  }
}

function getItem(mysfitId: string) {
  return dynamoDbLocalRequest('GetItem', { TableName: MYSFITS_TABLE, Key: { MysfitId: { S: mysfitId } } });
}
