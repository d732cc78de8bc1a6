import { describe, expect, it } from 'vitest';
import { fieldMap, getCorpus, getPolicy } from '../../src/lib/corpus.ts';
import { directionIndustries } from '../../src/lib/direction-industries.ts';
import { directionKeyFacts, policyKeyFacts } from '../../src/lib/key-facts.ts';
import { sharedNotes, directoryEntries } from '../../src/lib/contacts.ts';
import { EMPTY_QUERY, facetCounts, matchesDirection, statusOf, type DirectionRow } from '../../src/components/directions/filter.ts';
import { openRoundsText } from '../../src/model/round-summary.ts';
import { policyDeadline } from '../../src/lib/policy-summary.ts';
import { supportMethods } from '../../src/model/support.ts';

const industryField = fieldMap().get('industry')!;
const options = 'options' in industryField ? (industryField.options as string[]) : [];

function rows(): Array<DirectionRow & { id: string; name: string }> {
  return getCorpus().policies.flatMap((p) =>
    p.directions.map((d) => ({
      id: `${p.id}/${d.id}`,
      name: d.name,
      province: p.province,
      policy: p.id,
      industries: directionIndustries(p, d, options),
      methods: d.support ? supportMethods(d.support) : ['guidance'],
      applyFree: Boolean(d.applyFree),
      fundingCall: p.kind === 'funding-call',
      deadline: policyDeadline(p),
      text: d.name,
    })),
  );
}

describe('directions finder', () => {
  const all = rows();
  const today = '2026-12-07';

  it('行业 = 钢铁 keeps steel-relevant directions, open-to-all ones, and drops 仿制药', () => {
    const kept = all.filter((r) => matchesDirection(r, { ...EMPTY_QUERY, industry: '钢铁' }, today)).map((r) => r.id);
    expect(kept).toContain('shanxi-2026-item-type/carbon-management-award');
    expect(kept).toContain('shanxi-2026-item-type/energy-efficiency-award');
    expect(kept).toContain('shanxi-2017-opinion/upgrade-traditional-industries');
    expect(kept).toContain('shanxi-2023-tech-retrofit/smart-upgrade'); // names no industry: open to all
    expect(kept).not.toContain('shanxi-2026-item-type/generic-drug');
    expect(kept).not.toContain('shanxi-2026-item-type/consumer-revenue-award');
    expect(kept.length).toBeLessThan(all.length);
  });

  it('支持方式 = 贴息 keeps the directions whose text says 贴息或补助 as well as those that are 贴息 only', () => {
    const interest = all.filter((r) => matchesDirection(r, { ...EMPTY_QUERY, method: 'interest-subsidy' }, today));
    const both = interest.filter((r) => r.methods.length > 1);
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((r) => r.id.startsWith('shanxi-2023-tech-retrofit/'))).toBe(true);
  });

  it('a negated industry list excludes those industries (制造业营收进档 is not for 食品)', () => {
    const row = all.find((r) => r.id === 'shanxi-2026-item-type/manufacturing-revenue-award')!;
    expect(row.industries).not.toContain('食品');
    expect(row.industries).toContain('钢铁');
  });

  it('filters by province, policy, 免申即享, status and text, and counts each option', () => {
    const q = { ...EMPTY_QUERY, province: '江苏' };
    expect(all.filter((r) => matchesDirection(r, q, today)).every((r) => r.province === '江苏')).toBe(true);
    const free = all.filter((r) => matchesDirection(r, { ...EMPTY_QUERY, free: '1' }, today));
    expect(free.length).toBeGreaterThan(0);
    expect(free.every((r) => r.applyFree)).toBe(true);
    expect(all.filter((r) => matchesDirection(r, { ...EMPTY_QUERY, q: '仿制药' }, today)).map((r) => r.id)).toEqual(['shanxi-2026-item-type/generic-drug']);
    const counts = facetCounts(all, EMPTY_QUERY, 'status', ['open', 'closed', 'no-deadline', 'guidance'], today);
    expect(counts.get('open')).toBe(0);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(all.length);
    // Before the 2026 deadline the 2026 round is open, and counts as such.
    const before = facetCounts(all, EMPTY_QUERY, 'status', ['open'], '2026-03-01');
    expect(before.get('open')).toBe(getPolicy('shanxi-2026-item-type').directions.length);
  });

  it('maps the round status to the filter’s values', () => {
    expect(statusOf({ fundingCall: true, deadline: '2026-03-04' }, '2026-03-04')).toBe('open');
    expect(statusOf({ fundingCall: true, deadline: '2026-03-04' }, '2026-03-05')).toBe('closed');
    expect(statusOf({ fundingCall: true, deadline: undefined }, '2026-03-05')).toBe('no-deadline');
    expect(statusOf({ fundingCall: false, deadline: undefined }, '2026-03-05')).toBe('guidance');
  });
});

describe('key facts', () => {
  it('gives the cap with a link to its clause, or 原文未载明金额', () => {
    const js = getPolicy('jiangsu-2023-fund-guide');
    const f = directionKeyFacts(js, js.directions.find((d) => d.id === 'smart-factory')!);
    expect(f.maxSupport.text).toMatch(/万元|亿元/);
    expect(f.maxSupport.href).toMatch(/^\/policies\/jiangsu-2023-fund-guide\/source\/#L\d+/);
    expect(f.contacts.map((c) => c.level)).toEqual(['省工信厅', '市（区）工信局']);
    const sx17 = getPolicy('shanxi-2017-opinion');
    const g = directionKeyFacts(sx17, sx17.directions[0]!);
    expect(g.maxSupport.text).toBe('原文未载明金额');
    expect(g.guidance).toBe(true);
    expect(g.contacts).toEqual([]);
  });

  it('a policy panel links title, number and issuer to their clauses, or says 原文未载明', () => {
    const f = policyKeyFacts(getPolicy('shanxi-2017-opinion'));
    expect(f.title.notStated).toBe(true);
    expect(f.docNumber.notStated).toBe(true);
    const g = policyKeyFacts(getPolicy('shanxi-2023-tech-retrofit'));
    expect(g.title.href).toMatch(/source\/#L\d+/);
    expect(g.deadline).toBe('2023-11-10');
  });
});

describe('open rounds and shared contact remarks', () => {
  const rounds = getCorpus().policies.map((p) => ({ name: p.shortTitle, fundingCall: p.kind === 'funding-call', deadline: policyDeadline(p) }));
  it('says how many rounds are open on a given day', () => {
    expect(openRoundsText(rounds, '2026-12-07')).toMatchObject({ open: 0, text: expect.stringContaining('目前没有正在申报的轮次') });
    expect(openRoundsText(rounds, '2026-03-01')).toMatchObject({ open: 1, text: expect.stringContaining('还剩 3 天') });
  });
  it('states a remark printed on many rows once, numbered', () => {
    const notes = sharedNotes(directoryEntries(getCorpus()));
    expect([...notes.keys()].some((n) => n.includes('0515'))).toBe(true);
    expect([...notes.values()]).toEqual([...notes.values()].map((_, i) => i + 1));
  });
});

describe('quotes once, never restating the heading', async () => {
  const { claimQuote, restates } = await import('../../src/lib/quote-once.ts');
  it('a numbered clause that is only the heading restates it; a condition does not', () => {
    expect(restates('（二）新药研发和产业化-创新药。', '新药研发和产业化（创新药）')).toBe(true);
    expect(restates('（一）智能化升级', '智能化升级')).toBe(true);
    expect(restates('项目总投资不低于3000万元。', '智能化升级')).toBe(false);
  });
  it('the first citation of a clause on a page keeps its words, later ones do not', () => {
    const locals: App.Locals = {};
    expect(claimQuote(locals, 'p', '甲乙丙')).toBe(true);
    expect(claimQuote(locals, 'p', '甲乙丙')).toBe(false);
    expect(claimQuote(locals, 'q', '甲乙丙')).toBe(true);
    expect(claimQuote({ pageHeading: '智能化升级' }, 'p', '（三）智能化升级。')).toBe(false);
  });
});
