import { describe, expect, it } from 'vitest';
import { loadCorpus, policyIndex } from '../../src/data/load.ts';
import { directoryEntries, people } from '../../src/lib/contacts.ts';
import { inScope, ownerOfPath, shardMap, shardOfPath, shardPlan } from '../../src/lib/shards.ts';
import { checklistUrl, directionUrl, exportUrl, openDataUrl, personUrl, policyUrl, sourceUrl, timelineUrl } from '../../src/model/routes.ts';

const policies = (spec: Array<[string, number]>) => spec.flatMap(([province, n]) => Array.from({ length: n }, (_, i) => ({ id: `${province}-${i + 1}`, province })));

describe('the shard plan', () => {
  it('keeps each province whole when it fits, packing small provinces together in corpus order', () => {
    const plan = shardPlan(policies([['山西', 3], ['江苏', 2], ['浙江', 4]]), 5);
    expect(plan.map((s) => ({ id: s.id, provinces: s.provinces, n: s.policies.length }))).toEqual([
      { id: 'shard-01', provinces: ['山西', '江苏'], n: 5 },
      { id: 'shard-02', provinces: ['浙江'], n: 4 },
    ]);
  });

  it('cuts a province larger than a shard into full shards, and every policy lands in exactly one', () => {
    const input = policies([['广东', 23], ['海南', 2]]);
    const plan = shardPlan(input, 10);
    expect(plan.map((s) => s.policies.length)).toEqual([10, 10, 5]);
    expect(plan[2]!.provinces).toEqual(['广东', '海南']);
    expect(plan.flatMap((s) => s.policies).sort()).toEqual(input.map((p) => p.id).sort());
  });

  it('rejects a maximum that is not a positive integer, naming the variable', () => {
    const before = process.env.SHARD_MAX_POLICIES;
    process.env.SHARD_MAX_POLICIES = '0';
    try {
      expect(() => shardPlan(policies([['山西', 1]]))).toThrow(/SHARD_MAX_POLICIES/);
    } finally {
      if (before === undefined) delete process.env.SHARD_MAX_POLICIES;
      else process.env.SHARD_MAX_POLICIES = before;
    }
  });
});

describe('which build renders a page', () => {
  const ids = new Set(['shanxi-2023-tech-retrofit', 'jiangsu-2023-fund-guide']);
  const p = 'shanxi-2023-tech-retrofit';

  it('gives every per-policy URL of src/model/routes.ts to its policy', () => {
    for (const url of [policyUrl(p), sourceUrl(p), directionUrl(p, 'x'), checklistUrl(p, 'x'), timelineUrl(p), openDataUrl.policy(p), exportUrl.contactsCsv(p), exportUrl.contactsVcf(p), exportUrl.timelineIcs(p)]) {
      expect(ownerOfPath(url, ids), url).toEqual({ policy: p });
    }
    expect(ownerOfPath(`${directionUrl(p, 'x')}index.html`, ids)).toEqual({ policy: p });
  });

  it('leaves the cross-policy pages and files to the site step', () => {
    for (const url of ['/', '/directions/', '/contacts/', '/contacts/people/', timelineUrl(), '/compare/', '/compare/same-answers/', '/search/', '/search/index.json', '/self-check/', '/self-check/index.json', '/self-check/policies/shanxi-2023-tech-retrofit.json', openDataUrl.all(), openDataUrl.schema(), exportUrl.contactsCsv(), exportUrl.timelineIcs(), '/policies/unknown-id/']) {
      expect(ownerOfPath(url, ids), url).toBe('site');
    }
    expect(ownerOfPath(personUrl('person-0a1b2c3d'), ids)).toEqual({ person: 'person-0a1b2c3d' });
  });

  it('splits the real corpus so that every page has exactly one builder', () => {
    const corpus = loadCorpus('policies');
    const before = process.env.SHARD_MAX_POLICIES;
    process.env.SHARD_MAX_POLICIES = '4';
    try {
      const map = shardMap(corpus);
      expect(map.plan.map((s) => s.provinces)).toEqual([['江苏'], ['山西']]);
      const scopes = [{ kind: 'site' as const }, ...map.plan.map((shard) => ({ kind: 'shards' as const, shards: [shard] }))];
      const urls = [
        ...corpus.policies.flatMap((pol) => [policyUrl(pol.id), sourceUrl(pol.id), ...pol.directions.map((d) => directionUrl(pol.id, d.id))]),
        ...people(directoryEntries(corpus)).map((person) => personUrl(person.slug)),
        '/',
        '/compare/',
      ];
      for (const url of urls) expect(scopes.filter((s) => inScope(map, s, url)).length, url).toBe(1);
      // A step covering both shards renders every shard page and no cross-policy page.
      const both = { kind: 'shards' as const, shards: map.plan };
      expect(urls.filter((u) => !inScope(map, both, u))).toEqual(['/', '/compare/']);
      // A person's page is built with the first policy that lists them.
      const first = people(directoryEntries(corpus))[0]!;
      expect(shardOfPath(map, personUrl(first.slug))).toBe(map.shardOfPolicy.get(first.entries[0]!.policy.id));
    } finally {
      if (before === undefined) delete process.env.SHARD_MAX_POLICIES;
      else process.env.SHARD_MAX_POLICIES = before;
    }
  });
});

describe('the plan of the sharded build', () => {
  it('reads the same policies in the same order as the corpus, from policy.yaml alone', () => {
    const corpus = loadCorpus('policies');
    expect(policyIndex('policies').map((p) => p.id)).toEqual(corpus.policies.map((p) => p.id));
  });
});
