import { LoadPlan } from './load';

/** The monolith's mysfits table under the launcher's settings (MYSFITS_TABLE's default). */
const MYSFITS_TABLE = 'Mysfits';

/**
 * DynamoDB Local's own GetItem, the call under `GET /mysfits/:id`, sent straight to it: the ceiling for
 * the routes that read DynamoDB. DynamoDB Local takes any credentials but wants a signature-shaped header.
 */
export function getItemPlan(endpoint: string, mysfitId: string): LoadPlan {
  return {
    url: endpoint,
    options: () => ({ method: 'POST', headers: getItemHeaders, body: getItemBody(mysfitId) }),
  };
}

/** Fails unless the GetItem the ceiling sends finds the mysfit, so that the ceiling measures real reads. */
export async function assertGetItemFinds(endpoint: string, mysfitId: string): Promise<void> {
  const response = await fetch(endpoint, { method: 'POST', headers: getItemHeaders, body: getItemBody(mysfitId) });
  const text = await response.text();
  if (!response.ok || !(JSON.parse(text) as { Item?: unknown }).Item) {
    throw new Error(`GetItem on ${MYSFITS_TABLE} did not find mysfit ${mysfitId}: ${response.status} ${text}`);
  }
}

const getItemHeaders = {
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-target': 'DynamoDB_20120810.GetItem',
  authorization:
    'AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
};

function getItemBody(mysfitId: string): string {
  return JSON.stringify({ TableName: MYSFITS_TABLE, Key: { MysfitId: { S: mysfitId } } });
}
