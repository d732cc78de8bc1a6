import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../src/lib/corpus.ts';
import { directoryEntries } from '../../src/lib/contacts.ts';
import { searchPayload } from '../../src/lib/search-docs.ts';
import { createSearcher } from '../../src/search/engine.ts';
import { parseQuery } from '../../src/search/query.ts';
import { buildLexicon, indexTokens, normalize, phoneTokens } from '../../src/search/text.ts';
import { cardView } from '../../src/search/cards.ts';
import { stateFromSearch, searchOfState } from '../../src/search/state.ts';

/** The search engine on the real corpus, in Node: the same modules the search page runs. */
const payload = JSON.parse(JSON.stringify(searchPayload(getCorpus())));
const searcher = createSearcher(payload);
const lexicon = buildLexicon(payload.lexicon);
const urls = (q: string) => {
  const o = searcher.search(q);
  return o.state === 'results' ? o.hits.map((h) => h.doc.url) : [];
};

describe('tokens', () => {
  it('keeps amounts with their unit and writes them in the other unit too', () => {
    const t = indexTokens('单个项目最高不超过 3.5 亿元，或 3000 万元，按 10% 补助', lexicon);
    expect(t).toEqual(expect.arrayContaining(['3.5亿', '35000万', '3000万', '0.3亿', '10%']));
    expect(t).not.toContain('2亿');
  });

  it('splits and joins phone numbers, and indexes their tails', () => {
    expect(indexTokens('0351-3046297', lexicon)).toEqual(['0351', '3046297', '03513046297']);
    expect(phoneTokens(['0351-3046297'])).toEqual(expect.arrayContaining(['3046297', '03513046297', '6297']));
  });

  it('finds every dictionary term in a run and reads 首台（套） as 首台套', () => {
    const t = indexTokens('首台（套）重大技术装备', lexicon);
    expect(t).toContain('首台套');
    expect(t).toContain('重大技术装备');
    expect(normalize('（２０２６）ＡＢＣ')).toBe('2026abc');
  });
});

describe('queries', () => {
  it('drops filler, keeps domain terms whole and sets the page-kind words aside', () => {
    const q = parseQuery('电话 化工处', lexicon);
    expect(q.groups).toEqual([['化工处']]);
    expect(q.intents).toEqual(['contact']);
    const f = parseQuery('专精特新奖励多少', lexicon);
    expect(f.groups).toEqual([['专精特新']]);
    expect(f.soft).toEqual(['奖励']);
    expect(f.dropped).toEqual(['多少']);
  });

  it('reads a synonym as its canonical term and a quoted phrase exactly', () => {
    expect(parseQuery('技改', lexicon).groups).toEqual([['技术改造']]);
    expect(parseQuery('“技改”', lexicon).groups).toEqual([['技改']]);
  });

  it('asks for an amount with its unit, never for the bare figure', () => {
    expect(parseQuery('3.5亿', lexicon).groups.map((g) => [...g].sort())).toEqual([['3.5亿', '35000万'].sort()]);
  });
});

describe('the dictionary', () => {
  it('holds every direction, programme and person name of the data', () => {
    const corpus = getCorpus();
    const names = [
      ...corpus.policies.flatMap((p) => [...p.directions.map((d) => d.name), ...p.programmes.map((g) => g.name)]),
      ...directoryEntries(corpus).map((e) => e.displayName),
    ];
    const missing = names.map((n) => normalize(n).replace(/\s+/g, '')).filter((n) => n.length >= 2 && !lexicon.roles.has(n));
    expect(missing).toEqual([]);
  });
});

describe('search', () => {
  it('answers nothing for words, amounts and numbers the corpus does not have', () => {
    for (const q of ['3.5亿', 'xyzqq', '火箭发射']) expect(searcher.search(q).state, q).toBe('none');
    expect(searcher.search('煤').state).toBe('too-short');
    expect(searcher.search('多少').state).toBe('too-short');
  });

  it('finds pages with 2亿 only for 2亿', () => {
    const two = urls('2亿');
    expect(two.length).toBeGreaterThan(0);
    expect(urls('3.5亿')).toEqual([]);
  });

  it('corrects a one-character slip of a dictionary term and reports it', () => {
    const o = searcher.search('煤干石');
    expect(o.state).toBe('results');
    if (o.state === 'results') expect(o.corrected).toEqual({ from: '煤干石', to: '煤矸石' });
  });

  it('ranks a department’s people first when the query asks for a phone', () => {
    const o = searcher.search('电话 化工处');
    expect(o.state).toBe('results');
    if (o.state === 'results') expect(o.hits[0]?.doc.sub).toContain('化工处');
  });

  it('answers a direction’s name with the direction, and brings its contacts up once the query asks for a phone', () => {
    const kinds = (q: string) => {
      const o = searcher.search(q);
      return o.state === 'results' ? o.hits.slice(0, 3).map((h) => h.doc.kind) : [];
    };
    expect(kinds('产业链贷款贴息')[0]).toBe('direction');
    expect(kinds('产业链贷款贴息')).not.toContain('person');
    // The direction page lists every contact with a tel: link, so it may stay first.
    expect(kinds('电话 产业链贷款贴息').slice(1)).toEqual(['person', 'person']);
  });

  it('narrows by page kind and province', () => {
    const o = searcher.search('奖励', { provinces: ['江苏'], kinds: ['direction'] });
    expect(o.state).toBe('results');
    if (o.state === 'results') for (const h of o.hits) expect(h.doc.url).toMatch(/^\/policies\/jiangsu-[^/]+\/directions\//);
  });
});

describe('cards and page state', () => {
  it('a direction’s card carries its round status and maximum support; a person’s its phones', () => {
    const policyCount = payload.policies.length;
    const byKind = (k: string) => searcher.docs.filter((d) => d.kind === k);
    for (const d of byKind('direction')) {
      const v = cardView(d, searcher.policy, policyCount, '2026-02-01');
      expect(v.status?.text, d.url).toBeTruthy();
      expect(v.maxSupport, d.url).toMatch(/万元|亿元|原文未载明金额/);
      expect(v.provinceLine).toMatch(/^(山西|江苏)$/);
    }
    for (const d of byKind('person')) expect(d.phones?.every((p) => p.href.startsWith('tel:')) && d.phones.length > 0, d.url).toBe(true);
    const shanxi26 = searcher.docs.find((d) => d.url === '/policies/shanxi-2026-item-type/directions/generic-drug/')!;
    expect(cardView(shanxi26, searcher.policy, policyCount, '2099-01-01').status?.state).toBe('closed');
  });

  it('round-trips the query and filters through the URL', () => {
    const s = stateFromSearch('?q=%E7%85%A4&kind=person&province=%E5%B1%B1%E8%A5%BF');
    expect(s).toEqual({ q: '煤', filters: { kinds: ['person'], provinces: ['山西'], policies: [] } });
    expect(stateFromSearch(searchOfState(s))).toEqual(s);
  });
});
