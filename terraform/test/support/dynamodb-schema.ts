import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { evaluate, type Value } from './evaluate';
import { blocks, type HclValue } from './hcl';
import type { Located } from './stack';

/** The parts of a table definition that must agree between Terraform and the app. */
export interface TableShape {
  billingMode: string;
  attributes: Record<string, string>;
  key: string[];
  indexes: Record<string, { key: string[]; projection: string }>;
}

const keyPart = (name: Value | undefined, type: Value | undefined): string => `${String(name)} ${String(type)}`;

export function shapeOfApp(definition: CreateTableCommandInput): TableShape {
  const key = (schema: CreateTableCommandInput['KeySchema']): string[] =>
    (schema ?? []).map((part) => keyPart(part.AttributeName, part.KeyType));
  return {
    billingMode: definition.BillingMode ?? 'PROVISIONED',
    attributes: Object.fromEntries(
      (definition.AttributeDefinitions ?? []).map((attribute) => [
        String(attribute.AttributeName),
        String(attribute.AttributeType),
      ]),
    ),
    key: key(definition.KeySchema),
    indexes: Object.fromEntries(
      (definition.GlobalSecondaryIndexes ?? []).map((index) => [
        String(index.IndexName),
        { key: key(index.KeySchema), projection: String(index.Projection?.ProjectionType) },
      ]),
    ),
  };
}

export function shapeOfTerraform(table: Located): TableShape {
  const value = (item: HclValue | undefined): Value => evaluate({ instance: table.instance }, item ?? null);
  const { body } = table;
  const key = [keyPart(value(body.hash_key), 'HASH')];
  if (body.range_key !== undefined) key.push(keyPart(value(body.range_key), 'RANGE'));
  return {
    billingMode: String(value(body.billing_mode) ?? 'PROVISIONED'),
    attributes: Object.fromEntries(
      blocks(body.attribute).map((attribute) => [String(value(attribute.name)), String(value(attribute.type))]),
    ),
    key,
    indexes: Object.fromEntries(
      blocks(body.global_secondary_index).map((index) => [
        String(value(index.name)),
        {
          key: blocks(index.key_schema).map((part) => keyPart(value(part.attribute_name), value(part.key_type))),
          projection: String(value(index.projection_type)),
        },
      ]),
    ),
  };
}
