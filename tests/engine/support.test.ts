import { describe, expect, it } from 'vitest';
import { evaluateProfile, maxSupport, NO_AMOUNT } from '../../src/engine/index.ts';
import { data, direction, policy, support } from './fixtures.ts';

const part = (base: string, baseLabel: string, ratePct: number) => ({ base, baseLabel, ratePct, quote: `按${baseLabel}的${ratePct}%`, at: '二' });
const rate = support({ kind: 'rate', part: part('totalInvestmentWan', '项目总投资', 10), capWan: 400, capQuote: '最高不超过400万元' });
const texts = (w: { text: string }[]) => w.map((s) => s.text).join(' | ');

describe('rate × base with a cap', () => {
  it('uses the rate below the cap', () => {
    const r = maxSupport(rate, { totalInvestmentWan: 3000 });
    expect(r.maxSupportWan).toBe(300);
    expect(r.basis).toBe('rate');
    expect(texts(r.working)).toContain('项目总投资 3000 万元 × 10% = 300 万元');
    expect(r.working[0]).toMatchObject({ quote: '按项目总投资的10%', at: '二' });
  });
  it('takes the cap when the rate gives more, showing both', () => {
    const r = maxSupport(rate, { totalInvestmentWan: 5000 });
    expect(r.maxSupportWan).toBe(400);
    expect(texts(r.working)).toContain('取 500 与 400 中较小者，为 400 万元');
    expect(r.working.some((s) => s.quote === '最高不超过400万元')).toBe(true);
  });
  it('gives exactly the cap at the boundary', () => {
    expect(maxSupport(rate, { totalInvestmentWan: 4000 }).maxSupportWan).toBe(400);
  });
  it('is null when the base is unknown, naming what is needed (the cap is not an estimate)', () => {
    for (const v of [undefined, 'unknown', '5000', -1]) {
      const r = maxSupport(rate, { totalInvestmentWan: v });
      expect(r.maxSupportWan).toBeNull();
      expect(r.basis).toBe('needs-input');
      expect(texts(r.working)).toContain('需填写“项目总投资”');
    }
  });
  it('rounds away float noise', () => {
    const s = support({ kind: 'rate', part: part('totalInvestmentWan', '项目总投资', 7) });
    expect(maxSupport(s, { totalInvestmentWan: 1234.5 }).maxSupportWan).toBe(86.415);
    expect(maxSupport(s, { totalInvestmentWan: 10 }).maxSupportWan).toBe(0.7);
  });
});

describe('fixed amount', () => {
  it('gives the printed amount whatever the profile', () => {
    const r = maxSupport(support({ kind: 'fixed', amountWan: 200, quote: '单个项目补助200万元', at: '三' }), {});
    expect(r).toMatchObject({ maxSupportWan: 200, basis: 'fixed' });
    expect(r.working[0]).toMatchObject({ quote: '单个项目补助200万元', at: '三' });
  });
});

describe('parts summed under a joint cap', () => {
  const parts = support({ kind: 'parts', parts: [part('equipmentInvestmentWan', '软硬件投资', 20), part('loanInterestWan', '贷款利息', 40)], capWan: 500, capQuote: '合计不超过500万元' });
  it('sums the parts below the cap', () => {
    const r = maxSupport(parts, { equipmentInvestmentWan: 1000, loanInterestWan: 100 });
    expect(r.maxSupportWan).toBe(240);
    expect(r.basis).toBe('parts');
    expect(texts(r.working)).toContain('各部分合计 240 万元');
  });
  it('applies the joint cap to the sum, not to each part', () => {
    // 2000 × 20% = 400 and 300 × 40% = 120: each under 500, together 520 → 500.
    const r = maxSupport(parts, { equipmentInvestmentWan: 2000, loanInterestWan: 300 });
    expect(r.maxSupportWan).toBe(500);
  });
  it('is null when any base is unknown', () => {
    const r = maxSupport(parts, { equipmentInvestmentWan: 2000 });
    expect(r.maxSupportWan).toBeNull();
    expect(texts(r.working)).toContain('需填写“贷款利息”');
  });
});

describe('tiers', () => {
  it('shows the highest stated tier, labelled as such, under the cap', () => {
    const tiers = support({
      kind: 'tiers',
      tiers: [
        { label: '5000万元以上', amountWan: 100, quote: '5000万元以上的奖励100万元', at: '二' },
        { label: '1亿元以上', amountWan: 300, quote: '1亿元以上的奖励300万元', at: '二' },
        { label: '其他', quote: '其他分档奖励', at: '二' },
      ],
    });
    const r = maxSupport(tiers, {});
    expect(r).toMatchObject({ maxSupportWan: 300, basis: 'highest-tier' });
    expect(texts(r.working)).toContain('最高一档“1亿元以上”');
  });
  it('uses the printed cap when a tier has no printed amount (the cap bounds it)', () => {
    const r = maxSupport(
      support({
        kind: 'tiers',
        tiers: [
          { label: '二级节点', amountWan: 400, quote: '二级节点补助400万元', at: '一' },
          { label: '公共服务平台', quote: '公共服务平台项目予以补助', at: '一' },
        ],
        capWan: 2000,
        capQuote: '最高不超过2000万',
      }),
      {},
    );
    expect(r).toMatchObject({ maxSupportWan: 2000, basis: 'cap' });
    expect(texts(r.working)).toContain('“公共服务平台”原文未载明金额，以原文上限 2000 万元 为最高');
    const only = maxSupport(support({ kind: 'tiers', tiers: [{ label: '按实际投入', quote: '按实际投入补助', at: '五' }], capWan: 300, capQuote: '最高不超过300万元' }), {});
    expect(only).toMatchObject({ maxSupportWan: 300, basis: 'cap' });
  });
  it('without a cap, an unpriced tier is mentioned and not counted', () => {
    const r = maxSupport(
      support({ kind: 'tiers', tiers: [{ label: 'A', amountWan: 100, quote: 'A档100万元', at: '一' }, { label: 'B', quote: 'B档', at: '一' }] }),
      {},
    );
    expect(r).toMatchObject({ maxSupportWan: 100, basis: 'highest-tier' });
    expect(texts(r.working)).toContain('另有“B”原文未载明金额，未计入');
  });
  it('is null when no tier prints an amount', () => {
    const r = maxSupport(support({ kind: 'tiers', tiers: [{ label: '一档', quote: '分档予以奖励', at: '二' }] }), {});
    expect(r.maxSupportWan).toBeNull();
    expect(texts(r.working)).toContain(NO_AMOUNT);
  });
});

describe('up to a printed cap', () => {
  const upTo = (base?: string) =>
    support({ kind: 'upTo', capWan: 300, quote: '最高不超过 300 万元', at: '五', ...(base ? { base, baseLabel: '实际总投入' } : {}) });
  it('is the cap when the text names no base', () => {
    const r = maxSupport(upTo(), { totalInvestmentWan: 10 });
    expect(r).toMatchObject({ maxSupportWan: 300, basis: 'up-to' });
    expect(r.working[0]).toMatchObject({ text: '原文上限 300 万元', quote: '最高不超过 300 万元', at: '五' });
  });
  it('is the base when it is below the cap, the cap otherwise (boundary included)', () => {
    expect(maxSupport(upTo('totalInvestmentWan'), { totalInvestmentWan: 180 }).maxSupportWan).toBe(180);
    expect(maxSupport(upTo('totalInvestmentWan'), { totalInvestmentWan: 300 }).maxSupportWan).toBe(300);
    expect(maxSupport(upTo('totalInvestmentWan'), { totalInvestmentWan: 1000 }).maxSupportWan).toBe(300);
    expect(texts(maxSupport(upTo('totalInvestmentWan'), { totalInvestmentWan: 180 }).working)).toContain('实际总投入 180 万元，取其与上限 300 中较小者，为 180 万元');
  });
  it('is the cap, said so, while the base is unknown (the cap is printed, not estimated)', () => {
    const r = maxSupport(upTo('totalInvestmentWan'), {});
    expect(r.maxSupportWan).toBe(300);
    expect(texts(r.working)).toContain('未填写“实际总投入”，以上限列示');
  });
  it('follows the answers inside evaluateProfile (not precomputed)', () => {
    const corpus = data(policy('p', [direction('d', [], { support: upTo('totalInvestmentWan') })]));
    expect(evaluateProfile(corpus, { totalInvestmentWan: 120 }, { asOf: '2023-11-10' }).results[0]!.maxSupportWan).toBe(120);
    expect(evaluateProfile(corpus, {}, { asOf: '2023-11-10' }).results[0]!.maxSupportWan).toBe(300);
  });
});

describe('not stated', () => {
  it('is null with 原文未载明金额 and the clause, never an estimate', () => {
    const r = maxSupport(support({ kind: 'notStated', quote: '分档予以奖励', at: '二' }), { totalInvestmentWan: 1e6 });
    expect(r).toMatchObject({ maxSupportWan: null, basis: 'not-stated' });
    expect(r.working[0]).toEqual({ text: '原文未载明金额', quote: '分档予以奖励', at: '二' });
  });
  it('is null when a direction has no support at all', () => {
    expect(maxSupport(undefined, {}).maxSupportWan).toBeNull();
  });
});

describe('instalments', () => {
  it('shows the first instalment share and amount', () => {
    const s = support({ kind: 'fixed', amountWan: 400, quote: '补助400万元', at: '二' }, [{ label: '首次拨付', sharePct: 50, quote: '首次拨付50%', at: '四' }]);
    const r = maxSupport(s, {});
    expect(texts(r.working)).toContain('首次拨付 50%，即 200 万元');
    expect(r.maxSupportWan).toBe(400);
  });
  it('shows a stated instalment amount as printed', () => {
    const s = support({ kind: 'notStated', quote: '分档', at: '二' }, [{ label: '首期', amountWan: 100, quote: '首期100万元', at: '四' }]);
    expect(texts(maxSupport(s, {}).working)).toContain('首期 100 万元');
  });
});

describe('in evaluateProfile', () => {
  it('reports maxSupportWan and its working per direction, none for guidance', () => {
    const fixed = support({ kind: 'fixed', amountWan: 200, quote: '补助200万元', at: '二' });
    const out = evaluateProfile(
      data(policy('call', [direction('d', [], { support: rate })]), policy('opinion', [direction('g', [], { support: fixed })], { kind: 'implementation-opinion' })),
      { totalInvestmentWan: 1000 },
      { asOf: '2023-11-10' },
    );
    expect(out.results[0]).toMatchObject({ maxSupportWan: 100, supportBasis: 'rate' });
    expect(out.results[0]!.supportWorking.length).toBeGreaterThan(1);
    expect(out.results[1]).toMatchObject({ verdict: 'guidance', maxSupportWan: null });
  });
});
