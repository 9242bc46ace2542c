import { asQueryValues, queryInput } from '../../../src/plugins/newsroom/server/src/lib/graphql-arguments';

describe('GraphQL arguments as the REST query string carries them', () => {
  it('queryInput: typed arguments as strings, absent ones left out', () => {
    expect(queryInput({ page: 2, pageSize: null, after: undefined, all: true, sort: 'name' })).toEqual({ page: '2', all: 'true', sort: 'name' });
  });

  it('asQueryValues: numbers, booleans and dates as strings, all the way down', () => {
    const at = new Date(Date.UTC(2024, 0, 2));
    expect(asQueryValues({ filters: { $and: [{ id: { $gt: 5 } }, { publishedAt: { $lt: at } }, { title: { $null: true } }] }, pagination: { start: 0, limit: 10 } })).toEqual({
      filters: { $and: [{ id: { $gt: '5' } }, { publishedAt: { $lt: '2024-01-02T00:00:00.000Z' } }, { title: { $null: 'true' } }] },
      pagination: { start: '0', limit: '10' },
    });
    expect(asQueryValues({ title: { $eq: null } })).toEqual({ title: { $eq: null } });
  });
});
