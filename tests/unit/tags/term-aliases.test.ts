import { aliasesAfterUpdate, aliasesWith } from '../../../src/plugins/newsroom/server/src/lib/term-aliases';

describe('aliasesWith', () => {
  it('adds names once each, case and spacing aside, never the term\'s own name', () => {
    expect(aliasesWith({ name: 'Alpha', aliases: ['First'] }, ['Beta', 'beta ', 'ALPHA', 'first', 'Gamma'])).toEqual(['First', 'Beta', 'Gamma']);
  });
});

describe('aliasesAfterUpdate', () => {
  it('keeps the former name of a renamed term', () => {
    expect(aliasesAfterUpdate({ name: 'New' }, { name: 'Old', aliases: ['Older'] })).toEqual(['Older', 'Old']);
  });

  it('adds it to the aliases the update itself sends', () => {
    expect(aliasesAfterUpdate({ name: 'New', aliases: ['Given'] }, { name: 'Old', aliases: ['Older'] })).toEqual(['Given', 'Old']);
  });

  it('leaves the aliases alone when the name stays or is not sent', () => {
    expect(aliasesAfterUpdate({ name: 'Old' }, { name: 'Old', aliases: [] })).toBeUndefined();
    expect(aliasesAfterUpdate({ description: 'x' }, { name: 'Old', aliases: [] })).toBeUndefined();
  });

  it('drops an alias that is the new name', () => {
    expect(aliasesAfterUpdate({ name: 'Beta' }, { name: 'Alpha', aliases: ['Beta'] })).toEqual(['Alpha']);
  });
});
