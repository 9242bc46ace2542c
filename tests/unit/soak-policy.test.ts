import { policyVerdict } from '../../scripts/lib/soak-mix';

describe("the soak's verdict on an answer", () => {
  const plugin = { kind: 'tag page 1' };
  const stock = { kind: 'REST /api/articles', stock: true };
  const refused = { kind: 'REST refused shapes (400)', stock: true, refused: true };

  it('wants 2xx or 304 from the plugin routes, nothing else', () => {
    expect([200, 304, 400, 429, 500, 503].map((status) => policyVerdict(plugin, status))).toEqual(['ok', 'ok', 'bad', 'bad', 'bad', 'bad']);
  });

  it('counts a 503 from a stock route as shed by admission control, other errors as off policy', () => {
    expect([200, 304, 503, 400, 429, 500].map((status) => policyVerdict(stock, status))).toEqual(['ok', 'ok', 'shed', 'bad', 'bad', 'bad']);
  });

  it('wants exactly a 400 for a refused shape', () => {
    expect([400, 200, 503, 500].map((status) => policyVerdict(refused, status))).toEqual(['ok', 'bad', 'bad', 'bad']);
  });
});
