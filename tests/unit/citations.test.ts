/**
 * Citation links land where the citation means: a quote printed more than once (a form's note repeated
 * in two attachments, a person in several rows of a table) links to the printing its `at` names, not
 * merely the first.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { citationPairs } from '../../src/data/citation-walk.ts';
import { loadCorpusUnchecked } from '../../src/data/load.ts';
import { quoteSpans, stripSpace } from '../../src/data/text.ts';
import { anchorOfQuote, occurrenceAt, parsedSource, quoteHref } from '../../src/lib/citations.ts';
import { locatorAt, sectionTree } from '../../src/lib/sections.ts';
import { lineOfOffset } from '../../src/lib/source-blocks.ts';

const { corpus } = loadCorpusUnchecked(fileURLToPath(new URL('../../policies', import.meta.url)), fileURLToPath(new URL('../..', import.meta.url)));

describe('occurrenceAt', () => {
  const locators: Record<number, string> = { 10: '附件1 / 一 / （二） / 填表说明 / 7', 20: '附件1 / 二 / （六） / 3', 30: '附件2 / 填表说明 / 7' };
  const at = (o: number) => locators[o]!;
  it('takes the printing whose section path equals the citation’s, whitespace aside', () => {
    expect(occurrenceAt([10, 20, 30], '附件1/二/（六）/3', at)).toBe(20);
    expect(occurrenceAt([10, 20, 30], '附件2 / 填表说明 / 7', at)).toBe(30);
  });
  it('else the one sharing the longest leading path, the first on a tie', () => {
    expect(occurrenceAt([10, 20, 30], '附件1 / 二', at)).toBe(20);
    expect(occurrenceAt([10, 20, 30], '附件1 / 三 / 1', at)).toBe(10);
    expect(occurrenceAt([10, 20, 30], '附件9', at)).toBe(10);
  });
});

describe('anchorOfQuote on the real corpus', () => {
  it('anchors every quote printed more than once at the printing its `at` names, whenever one has that path', () => {
    let repeated = 0;
    let notFirst = 0;
    for (const policy of corpus.policies) {
      const tree = sectionTree(policy.sourceText);
      const anchorAt = (offset: number) => {
        const line = lineOfOffset(policy.sourceText, offset);
        return parsedSource(policy).anchorOfLine[line] ?? `L${line}`;
      };
      const pairs = citationPairs(policy);
      const placesOf = new Map<string, Set<string>>();
      for (const c of pairs) placesOf.set(stripSpace(c.quote), (placesOf.get(stripSpace(c.quote)) ?? new Set()).add(c.at));
      for (const c of pairs) {
        const offsets = quoteSpans(c.quote, policy.sourceText).map(([start]) => start);
        if (offsets.length < 2) continue;
        const exact = offsets.find((o) => stripSpace(locatorAt(tree, policy.sourceText, o)) === stripSpace(c.at));
        if (exact === undefined) continue;
        repeated++;
        if (exact !== offsets[0]) notFirst++;
        expect(anchorOfQuote(policy, c.quote, c.at), `${policy.id} ${c.at}`).toBe(anchorAt(exact));
        // Cited at this one place only: the data alone says where, so a link built from the quote agrees.
        if (placesOf.get(stripSpace(c.quote))!.size === 1) expect(quoteHref(policy, c.quote)).toBe(quoteHref(policy, c.quote, c.at));
      }
    }
    expect(repeated).toBeGreaterThan(10);
    // The cases this exists for: printings other than the first (6 when written).
    expect(notFirst).toBeGreaterThan(0);
  });

  it('links Shanxi 2023’s green-transition note to 附件1 / 二 / （六） / 3, not to the form’s note printed earlier', () => {
    const policy = corpus.policies.find((p) => p.id === 'shanxi-2023-tech-retrofit')!;
    const quote = '绿色低碳转型项目量化描述节能环保效益';
    const [first, ...rest] = quoteSpans(quote, policy.sourceText).map(([start]) => start);
    expect(rest.length).toBeGreaterThan(0);
    const tree = sectionTree(policy.sourceText);
    expect(locatorAt(tree, policy.sourceText, first!)).not.toBe('附件1 / 二 / （六） / 3');
    const anchor = anchorOfQuote(policy, quote, '附件1 / 二 / （六） / 3');
    expect(anchor).not.toBe(anchorOfQuote(policy, quote, locatorAt(tree, policy.sourceText, first!)));
    expect(rest.map((o) => parsedSource(policy).anchorOfLine[lineOfOffset(policy.sourceText, o)])).toContain(anchor);
  });
});
