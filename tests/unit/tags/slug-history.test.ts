import fc from 'fast-check';
import { applyPlan, renamePlan, retirePlan, type RedirectRow } from '../../../src/plugins/newsroom/server/src/lib/slug-history';

const lookup = (rows: RedirectRow[], from: string) => rows.find((row) => row.from === from);

describe('renamePlan', () => {
  it('leaves old -> document, collapsing chains: a -> b -> c leaves a and b leading to the document', () => {
    let rows = applyPlan([], renamePlan('doc', 'a', 'b'));
    rows = applyPlan(rows, renamePlan('doc', 'b', 'c'));
    expect(rows).toEqual([
      { from: 'a', target: 'doc' },
      { from: 'b', target: 'doc' },
    ]);
  });

  it('removes the loop of a rename back', () => {
    let rows = applyPlan([], renamePlan('doc', 'a', 'b'));
    rows = applyPlan(rows, renamePlan('doc', 'b', 'a'));
    expect(rows).toEqual([{ from: 'b', target: 'doc' }]);
  });

  it('releases a slug another entry takes, whatever it led to', () => {
    const rows = applyPlan([{ from: 'x', target: 'other' }], renamePlan('doc', 'a', 'x'));
    expect(rows).toEqual([{ from: 'a', target: 'doc' }]);
    expect(applyPlan([{ from: 'x', target: null }], renamePlan('new', null, 'x'))).toEqual([]);
  });

  it('does nothing when the slug stays', () => {
    expect(renamePlan('doc', 'a', 'a')).toEqual({ write: [], release: [] });
  });
});

describe('retirePlan', () => {
  it('sends the slug and every slug that led to the entry to the target, or marks them gone', () => {
    const rows = [
      { from: 'old', target: 'doc' },
      { from: 'elsewhere', target: 'other' },
    ];
    expect(applyPlan(rows, retirePlan('doc', 'now', 'into'))).toEqual([
      { from: 'old', target: 'into' },
      { from: 'elsewhere', target: 'other' },
      { from: 'now', target: 'into' },
    ]);
    expect(applyPlan(rows, retirePlan('doc', 'now', null))).toContainEqual({ from: 'old', target: null });
  });

  it('with keep, leaves a row a merge wrote before the delete', () => {
    const merged = applyPlan([], retirePlan('doc', 'now', 'into'));
    expect(applyPlan(merged, retirePlan('doc', 'now', null, { keep: true }))).toEqual([{ from: 'now', target: 'into' }]);
  });

  it('of an entry without a public slug, only redirects the slugs that led to it', () => {
    expect(applyPlan([{ from: 'old', target: 'doc' }], retirePlan('doc', null, null))).toEqual([{ from: 'old', target: null }]);
  });
});

// Any sequence of renames among a few documents: every slug a document ever had
// either is live (some document's slug now, with no row) or leads in one hop
// to the document that had it last.
describe('any history of renames', () => {
  it('keeps every retired slug one hop from its document, and no live slug redirecting', () => {
    const slug = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), slug), { maxLength: 30 }), (renames) => {
        const current = ['a', 'b', 'c'];
        const lastOwner = new Map(current.map((s, doc) => [s, doc]));
        let rows: RedirectRow[] = [];
        for (const [doc, wanted] of renames) {
          if (current.includes(wanted)) continue; // taken: the writers refuse it
          rows = applyPlan(rows, renamePlan(String(doc), current[doc], wanted));
          current[doc] = wanted;
          lastOwner.set(wanted, doc);
        }
        for (const [s, doc] of lastOwner) {
          if (current.includes(s)) expect(lookup(rows, s)).toBeUndefined();
          else expect(lookup(rows, s)).toEqual({ from: s, target: String(doc) });
        }
      }),
    );
  });
});
