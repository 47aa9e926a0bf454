import { postgresErrorClass, statementKind } from './query-metrics';

describe('the labels of postgres_query_duration_seconds', () => {
  it.each([
    ['SELECT * FROM users', 'SELECT'],
    ['  insert into adoptions VALUES ($1)', 'INSERT'],
    ['START TRANSACTION', 'BEGIN'],
    ['COMMIT', 'COMMIT'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'OTHER'],
    ['', 'OTHER'],
  ])('names %j a %s', (text, kind) => {
    expect(statementKind(text)).toBe(kind);
  });

  it.each([
    [{ code: '23505' }, 'unique_violation'],
    [{ code: '40001' }, 'serialization_failure'],
    [{ code: '57014' }, 'timeout'],
    [{ code: '08006' }, 'connection'],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'connection'],
    [{ code: '42P01' }, 'other'],
  ])('classes the failure %j as %s', (error, kind) => {
    expect(postgresErrorClass(error)).toBe(kind);
  });
});
