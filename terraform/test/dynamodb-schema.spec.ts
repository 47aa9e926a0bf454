import { likesTableDefinition, mysfitsTableDefinition } from '@app/mysfits-data';
import { shapeOfApp, shapeOfTerraform } from './support/dynamodb-schema';
import { loadDevStack } from './support/paths';
import { resourcesOfType, valueOf, type Instance, type Located } from './support/stack';

describe('DynamoDB tables of envs/dev match what the monolith creates locally', () => {
  let tables: Located[];

  beforeAll(async () => {
    const stack: Instance = await loadDevStack();
    tables = resourcesOfType(stack, 'aws_dynamodb_table');
  });

  const tableNamed = (suffix: string): Located => {
    const matches = tables.filter((table) => String(valueOf(table, table.body.name)).endsWith(`-${suffix}`));
    expect(matches).toHaveLength(1);
    return matches[0];
  };

  it.each([
    ['Mysfits', mysfitsTableDefinition],
    ['MysfitLikes', likesTableDefinition],
  ])('%s has the same billing, attributes, key and indexes', (name, definition) => {
    const app = shapeOfApp(definition(name));
    expect(shapeOfTerraform(tableNamed(name))).toEqual(app);
    expect(app.key.length).toBeGreaterThan(0);
  });

  it('declares no table the app does not create', () => {
    expect(tables.map((table) => String(valueOf(table, table.body.name))).sort()).toEqual([
      'mysfits-dev-MysfitLikes',
      'mysfits-dev-Mysfits',
    ]);
  });
});
