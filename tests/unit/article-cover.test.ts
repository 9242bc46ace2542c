import { articleCover, changesCover, coverBytes, publicMediaUrl } from '../../src/plugins/newsroom/server/src/lib/article-cover';

const API = 'https://api.newsroom.test/';

describe('publicMediaUrl', () => {
  it('prefixes the local provider’s relative URL with PUBLIC_URL, and keeps an absolute one', () => {
    expect(publicMediaUrl('/uploads/a.png', API)).toBe('https://api.newsroom.test/uploads/a.png');
    expect(publicMediaUrl('/uploads/a.png', 'https://example.test/cms')).toBe('https://example.test/cms/uploads/a.png');
    expect(publicMediaUrl('https://cdn.example.test/a.png', API)).toBe('https://cdn.example.test/a.png');
  });
});

describe('articleCover', () => {
  const row = {
    url: '/uploads/a.png',
    alternativeText: '',
    width: 320,
    height: 200,
    formats: JSON.stringify({ thumbnail: { url: '/uploads/thumbnail_a.png', width: 245, height: 153, mime: 'image/png', size: 1.5, hash: 'x' } }),
    mime: 'image/png',
    size: '12.34',
  };

  it('reads the JSON formats (text on SQLite, an object on PostgreSQL) and the decimal size (text on PostgreSQL)', () => {
    const thumbnail = { url: 'https://api.newsroom.test/uploads/thumbnail_a.png', width: 245, height: 153, mime: 'image/png', size: 1.5 };
    const expected = { url: 'https://api.newsroom.test/uploads/a.png', alternativeText: null, width: 320, height: 200, formats: { thumbnail }, mime: 'image/png', size: 12.34 };
    expect(articleCover(row, API)).toEqual(expected);
    expect(articleCover({ ...row, formats: JSON.parse(row.formats), size: 12.34 }, API)).toEqual(expected);
    expect(articleCover({ ...row, formats: null }, API).formats).toEqual({});
  });

  it('gives the length in bytes of Strapi’s kilobytes (bytes / 1000)', () => {
    expect(coverBytes({ size: 12.34 })).toBe(12340);
  });
});

describe('changesCover', () => {
  it('is true for an update writing a field a card shows, false for one moving the file between folders', () => {
    expect(changesCover({ alternativeText: 'x', name: 'a.png', caption: null })).toBe(true);
    expect(changesCover({ url: '/uploads/b.png' })).toBe(true);
    expect(changesCover({ folder: 3, folderPath: '/3' })).toBe(false);
    expect(changesCover(undefined)).toBe(true);
  });
});
