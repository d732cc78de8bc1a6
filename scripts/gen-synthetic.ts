/**
 * Writes N synthetic policies, modelled on the five real ones, into a policies folder so the build and
 * the engine can be measured at sizes the real corpus will not reach for years.
 *
 * Every policy is generated as text first and data second: each quote is a sentence appended to the
 * synthetic `source.txt`, so the data passes the same citation check as the real corpus (every quote in
 * its source, every figure in its quote, sha256 recorded). The output is deterministic for a seed, so two
 * runs of the benchmark measure the same corpus.
 *
 * Each policy: source.txt, policy.yaml (with its sha256), 10–35 directions (threshold, boolean, oneOf,
 * dateWindow, withinYears, any and confirm criteria; rate-with-cap, fixed and notStated support), a
 * contacts.yaml (0351-30xxxxx / 025-8xxxxxxx) and a rules.yaml. Alongside: a copy of the project's
 * policies/fields.yaml (criteria use only shared fields) and a crosswalk.yaml placing every direction.
 *
 * Usage: tsx scripts/gen-synthetic.ts [count=20] [outDir=<new temp folder>] [--seed 1] [--mdx <contentDir>]
 * The folder is then valid input for `tsx scripts/check-data.ts <outDir>` and for POLICIES_DIR.
 * --mdx writes the minimal overview MDX each policy page needs; point it at a temporary project copy,
 * never at the real content/ folder.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { prng } from './lib/prng.ts';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness


class Dice {
  constructor(private readonly next: () => number) {}
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `n` distinct items, in random order. */
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(n, copy.length));
  }
}

// ---------------------------------------------------------------------------------------------------
// Vocabulary, taken from the kinds of wording the real notices use

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnOrdinal = (i: number): string => (i < 10 ? CN_NUM[i]! : i < 20 ? `十${i === 10 ? '' : CN_NUM[i - 10]!}` : `${CN_NUM[Math.floor(i / 10) - 1]!}十${i % 10 === 0 ? '' : CN_NUM[(i % 10) - 1]!}`);

const PROGRAMMES: ReadonlyArray<readonly [string, string]> = [
  ['core-competitiveness', '核心竞争力提升专项'],
  ['digital-intelligent', '数字化智能化改造专项'],
  ['green-low-carbon', '绿色低碳转型专项'],
  ['enterprise-growth', '企业增量提质专项'],
  ['agglomeration', '集聚集约增效专项'],
  ['innovation', '技术创新牵引专项'],
  ['industrial-foundation', '产业基础再造专项'],
  ['service-system', '产业支撑体系建设专项'],
];

/** Direction topics: [slug, name, what it supports]. More than 35, so a policy never repeats one. */
const TOPICS: ReadonlyArray<readonly [string, string, string]> = [
  ['smart-upgrade', '智能化升级', '智能制造环节建设和关键工序数控化改造'],
  ['digital-infra', '数字基础设施建设', '工业互联网标识解析节点和算力设施建设'],
  ['gangue-utilisation', '煤矸石综合利用', '煤矸石、粉煤灰等大宗工业固废的规模化综合利用'],
  ['energy-saving', '节能降碳改造', '重点用能设备节能改造和能效提升'],
  ['first-set', '首台（套）重大技术装备', '首台（套）重大技术装备的研制和推广应用'],
  ['first-batch', '新材料首批次应用', '重点新材料首批次产品的应用推广'],
  ['smart-factory', '智能制造示范工厂', '设施互联、系统互通、数据互享的示范工厂建设'],
  ['digital-workshop', '数字化车间', '生产线和车间的数字化、网络化改造'],
  ['iiot-platform', '工业互联网平台', '面向重点行业的工业互联网平台建设和推广'],
  ['fiveg-factory', '5G全连接工厂', '5G网络在生产现场的全连接应用'],
  ['green-factory', '绿色工厂', '绿色工厂创建和绿色供应链管理'],
  ['water-saving', '工业节水', '高耗水行业节水改造和废水循环利用'],
  ['clean-production', '清洁生产改造', '清洁生产技术改造和污染物源头削减'],
  ['industrial-base', '产业基础再造', '核心基础零部件、关键基础材料的产业化'],
  ['key-tech', '关键核心技术攻关', '关键核心技术（装备）的工程化攻关'],
  ['public-platform', '公共服务平台', '产业链公共服务平台的服务能力提升'],
  ['sme-specialised', '专精特新企业培育', '专精特新中小企业的培育和梯度成长'],
  ['service-manufacturing', '服务型制造', '服务型制造模式创新和示范'],
  ['quality-brand', '质量品牌提升', '质量提升和区域公共品牌建设'],
  ['chain-leader', '链主企业培育', '省级重点产业链链主企业的培育'],
  ['chain-supporting', '产业链协作配套', '链主企业与本地配套企业的协作配套'],
  ['merger', '兼并重组', '制造业企业的兼并重组和资源整合'],
  ['revenue-growth', '营收进档奖励', '营业收入首次迈上新台阶的企业'],
  ['pilot-demo', '试点示范奖励', '获评国家级试点示范的企业'],
  ['two-integration', '两化融合贯标', '两化融合管理体系贯标评定'],
  ['data-product', '工业数据产品化', '工业数据集建设和数据产品开发'],
  ['compute-service', '算力服务', '面向制造业的算力服务和算力券'],
  ['ai-scenario', '人工智能应用场景', '人工智能在研发设计和生产制造中的应用场景'],
  ['new-drug', '新药研发和产业化', '创新药、改良型新药的研发和产业化'],
  ['medical-device', '医疗器械', '高端医疗器械的研发和产业化'],
  ['hydrogen', '氢能装备', '氢能制取、储运和应用装备的产业化'],
  ['new-energy-vehicle', '新能源汽车零部件', '新能源汽车关键零部件的产业化'],
  ['coal-chemical', '现代煤化工', '现代煤化工产品的高端化、精细化延伸'],
  ['steel-retrofit', '钢铁行业超低排放改造', '钢铁企业超低排放改造和评估监测'],
  ['coking-upgrade', '焦化行业升级改造', '焦化行业装备大型化和余热余压利用'],
  ['talent-training', '产业人才培养', '产业链急需紧缺人才的培养和引进'],
  ['exhibition', '重大展会', '重大产业展会的组织和参展'],
  ['leasing', '融资租赁补贴', '以融资租赁方式购置生产设备的企业'],
  ['loan-interest', '产业链贷款贴息', '产业链企业新增贷款的贴息'],
  ['credit-insurance', '保险增信', '首台（套）、首批次保险和信用保险的保费补贴'],
];

/** Comparison themes (policies/crosswalk.yaml) and the topics each groups. Every topic is in one theme. */
const THEMES: ReadonlyArray<{ id: string; name: string; topics: readonly string[] }> = [
  { id: 'smart-digital', name: '智能化/数字化改造', topics: ['smart-upgrade', 'smart-factory', 'digital-workshop', 'fiveg-factory', 'ai-scenario', 'service-manufacturing'] },
  { id: 'industrial-internet-data', name: '工业互联网与数据', topics: ['digital-infra', 'iiot-platform', 'two-integration', 'data-product', 'compute-service'] },
  { id: 'green-low-carbon', name: '绿色低碳', topics: ['gangue-utilisation', 'energy-saving', 'green-factory', 'water-saving', 'clean-production', 'steel-retrofit', 'coking-upgrade'] },
  { id: 'foundation-innovation', name: '产业基础与技术创新', topics: ['first-set', 'first-batch', 'industrial-base', 'key-tech', 'new-drug', 'medical-device', 'hydrogen', 'new-energy-vehicle', 'coal-chemical'] },
  { id: 'enterprise-growth', name: '企业培育与增量提质', topics: ['sme-specialised', 'chain-leader', 'chain-supporting', 'merger', 'revenue-growth', 'pilot-demo', 'quality-brand'] },
  { id: 'financing', name: '融资支持', topics: ['leasing', 'loan-interest', 'credit-insurance'] },
  { id: 'support-system', name: '产业支撑体系', topics: ['public-platform', 'talent-training', 'exhibition'] },
];

const VERBS = ['推动', '支持', '鼓励', '引导', '加快'];
const GOALS = ['提质增效', '转型升级', '降本增效', '绿色发展', '安全可控', '集聚发展', '高端化发展', '智能化发展'];
const OBJECTS = ['生产工艺', '关键装备', '生产线', '车间', '工业软件', '信息系统', '检测能力', '供应链协同', '能源管理', '产品质量'];
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欢阳晨瑞博文亮成志清峰岩鑫'];
const DEPARTMENTS = ['投资处', '产业处', '装备处', '新材料处', '原材料处', '消费品处', '节能处', '信息化处', '中小企业处', '运行监测处'];
const MATERIALS: ReadonlyArray<readonly [string, string]> = [
  ['filing-document', '项目备案（核准）文件'],
  ['eia-approval', '环境影响评价批复文件'],
  ['energy-review', '节能审查意见'],
  ['audit-report', '项目专项审计报告'],
  ['invoices', '设备购置发票及付款凭证'],
  ['acceptance-opinion', '项目竣工验收意见'],
  ['credit-commitment', '企业信用承诺书'],
  ['financial-statements', '上年度财务审计报告'],
];
const INDUSTRY_CHOICES = ['钢铁', '有色', '建材', '焦化', '化工', '新材料', '高端装备制造', '现代煤化工', '电子信息', '现代医药'];

// ---------------------------------------------------------------------------------------------------
// The fields the generated criteria use, checked against the registry that is copied alongside

interface FieldInfo {
  id: string;
  type: string;
  unit?: string;
  options?: string[];
}

function readRegistry(fieldsYaml: string): Map<string, FieldInfo> {
  const doc = parse(readFileSync(fieldsYaml, 'utf8')) as { fields?: FieldInfo[] };
  return new Map((doc.fields ?? []).map((f) => [f.id, f]));
}

/** Throws with a clear message if the shared registry no longer has a field the generator relies on. */
function need(reg: Map<string, FieldInfo>, id: string, types: readonly string[], unit?: string): string {
  const f = reg.get(id);
  if (!f || !types.includes(f.type) || (unit !== undefined && f.unit !== unit)) {
    throw new Error(`gen-synthetic: policies/fields.yaml 中需要字段 ${id}（${types.join('/')}${unit ? `，${unit}` : ''}），实际为 ${f ? `${f.type}${f.unit ? `，${f.unit}` : ''}` : '（缺失）'}`);
  }
  return id;
}

// ---------------------------------------------------------------------------------------------------
// One policy

type Obj = Record<string, unknown>;

interface Ctx {
  dice: Dice;
  reg: Map<string, FieldInfo>;
  /** The synthetic original, one paragraph per entry. Every quote is (part of) one of these. */
  lines: string[];
}

/** Appends a paragraph to the source and returns it, so it can be quoted verbatim. */
const say = (ctx: Ctx, text: string): string => {
  ctx.lines.push(text);
  return text;
};

function filler(ctx: Ctx, topic: string, n: number): void {
  const { dice } = ctx;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(`${dice.pick(VERBS)}企业围绕${topic}，对${dice.pick(OBJECTS)}和${dice.pick(OBJECTS)}实施改造，${dice.pick(VERBS)}产业链上下游协同，促进${dice.pick(GOALS)}。`);
  }
  say(ctx, parts.join(''));
}

/** A Chinese date as printed, and its ISO form. */
const cnDate = (y: number, m: number, d: number) => ({ text: `${y}年${m}月${d}日`, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` });

interface DirectionOut {
  data: Obj;
  /** The topic slug (also the direction id): the crosswalk groups directions by it. */
  topic: string;
  /** The support clause, cited by the crosswalk's differences. */
  supportQuote: string;
  supportAt: string;
}

function makeCriteria(ctx: Ctx, at: string, year: number, dirIndex: number): Obj[] {
  const { dice, reg } = ctx;
  const out: Obj[] = [];
  const used = new Set<string>();
  const add = (id: string, c: Obj) => {
    if (used.has(id)) return;
    used.add(id);
    out.push({ id, ...c });
  };
  const templates: Array<() => void> = [
    () => {
      const v = dice.pick([500, 1000, 2000, 3000, 5000, 8000]);
      const q = say(ctx, `项目总投资${v}万元以上（含税，不含土地费用）。`);
      add('total-investment', { kind: 'threshold', label: `项目总投资 ${v} 万元以上`, field: need(reg, 'totalInvestmentWan', ['number'], '万元'), op: 'gte', value: v, unit: '万元', quote: q, at });
    },
    () => {
      const v = dice.pick([300, 500, 800, 1000, 1500]);
      const q = say(ctx, `其中设备投资（含软硬件投资）不低于${v}万元。`);
      add('equipment-investment', { kind: 'threshold', label: `设备投资不低于 ${v} 万元`, field: need(reg, 'equipmentInvestmentWan', ['number'], '万元'), op: 'gte', value: v, unit: '万元', quote: q, at });
    },
    () => {
      const v = dice.pick([2000, 5000, 10000, 20000, 50000]);
      const q = say(ctx, `申报企业2024年营业收入不低于${v}万元。`);
      add('revenue-2024', { kind: 'threshold', label: `2024 年营业收入不低于 ${v} 万元`, field: need(reg, 'revenue2024Wan', ['number'], '万元'), op: 'gte', value: v, unit: '万元', quote: q, at });
    },
    () => {
      const v = dice.pick([5, 8, 10, 12, 15, 20]);
      const q = say(ctx, `2024年营业收入增速不低于${v}%。`);
      add('revenue-growth', { kind: 'threshold', label: `2024 年营收增速不低于 ${v}%`, field: need(reg, 'revenueGrowth2024Pct', ['number', 'derived'], '%'), op: 'gte', value: v, unit: '%', quote: q, at });
    },
    () => {
      const q = say(ctx, `${dice.pick(['申报项目', '本方向项目'])}须已完工投产。`);
      add('completed', { kind: 'boolean', label: '项目须已完工投产', field: need(reg, 'projectCompleted', ['boolean']), expected: true, quote: q, at });
    },
    () => {
      const q = say(ctx, '停工项目不得申报。');
      add('not-suspended', { kind: 'boolean', label: '项目不处于停工状态', field: need(reg, 'projectSuspended', ['boolean']), expected: false, quote: q, at });
    },
    () => {
      const q = say(ctx, '申报主体须为规模以上工业企业。');
      add('above-scale', { kind: 'boolean', label: '申报主体为规模以上工业企业', field: need(reg, 'aboveScale', ['boolean']), expected: true, quote: q, at });
    },
    () => {
      const from = cnDate(year - 2, 1, 1);
      const to = cnDate(year, dice.pick([6, 9]), 30);
      const q = say(ctx, `项目须在${from.text}（含）至${to.text}（含）期间完工。`);
      add('completion-window', { kind: 'dateWindow', label: `项目在 ${from.iso}（含）至 ${to.iso}（含）期间完工`, field: need(reg, 'completionDate', ['date']), from: from.iso, fromInclusive: true, to: to.iso, toInclusive: true, quote: q, at });
    },
    () => {
      const y = dice.pick([3, 5]);
      const q = say(ctx, `项目备案（核准）日期距申报时间不超过${y}年。`);
      add('filing-within-years', { kind: 'withinYears', label: `项目备案（核准）日期距申报时间不超过 ${y} 年`, field: need(reg, 'filingDate', ['date']), years: y, quote: q, at });
    },
    () => {
      const field = reg.get('industry');
      if (!field || field.type !== 'choice') return;
      const values = dice.sample(INDUSTRY_CHOICES.filter((v) => field.options?.includes(v)), dice.int(2, 4));
      if (values.length === 0) return;
      const q = say(ctx, `申报企业所属行业为${values.join('、')}之一。`);
      add('industry', { kind: 'oneOf', label: `所属行业为${values.join('、')}之一`, field: 'industry', values, quote: q, at });
    },
    () => {
      const q = say(ctx, '项目备案（核准）、环评、能评等手续完备（无需相关手续的须由项目推荐单位作出说明）。');
      add('procedures', {
        kind: 'any',
        label: '手续完备，或无需相关手续并由推荐单位说明',
        quote: q,
        at,
        items: [
          { id: 'procedures-complete', kind: 'boolean', label: '项目备案（核准）、环评、能评等手续完备', field: need(reg, 'procedureComplete', ['boolean']), expected: true, quote: q, at },
          { id: 'procedures-not-needed', kind: 'confirm', label: '项目无需相关手续，且已由推荐单位作出说明', quote: q, at },
        ],
      });
    },
    () => {
      const q = say(ctx, `项目具有较好的${dice.pick(['经济效益', '示范带动作用', '技术先进性', '推广价值'])}，符合本方向重点支持内容。`);
      add('confirm-merit', { kind: 'confirm', label: '项目符合本方向重点支持内容（须人工判断）', quote: q, at });
    },
  ];
  // Every direction has an investment threshold and a confirm clause, like nearly all real ones.
  templates[0]!();
  for (const t of dice.sample(templates.slice(1, -1), dice.int(1, 6))) t();
  if (dice.chance(0.6) || dirIndex === 0) templates[templates.length - 1]!();
  return out;
}

function makeSupport(ctx: Ctx, at: string): Obj {
  const { dice, reg } = ctx;
  const roll = dice.int(1, 100);
  if (roll <= 45) {
    const bases: Array<readonly [string, string]> = [
      ['totalInvestmentWan', '项目总投资'],
      ['equipmentInvestmentWan', '设备投资'],
      ['fixedAssetInvestmentWan', '项目固定资产投资'],
    ];
    const [base, baseLabel] = dice.pick(bases);
    need(reg, base, ['number'], '万元');
    const rate = dice.pick([5, 8, 10, 15, 20]);
    const cap = dice.pick([300, 500, 1000, 2000, 3000]);
    const q = say(ctx, `按不超过${baseLabel}的${rate}%予以补助，单个项目最高不超过${cap}万元。`);
    const support: Obj = {
      method: 'subsidy',
      methodQuote: q,
      methodAt: at,
      formula: { kind: 'rate', part: { base, baseLabel, ratePct: rate, quote: q, at }, capWan: cap, capQuote: q },
    };
    if (dice.chance(0.5)) {
      const share = dice.pick([40, 50, 60]);
      const pq = say(ctx, `首次拨付补助资金总额的${share}%，通过验收审核后，拨付剩余资金。`);
      support.payments = [
        { label: '首次拨付', sharePct: share, quote: pq, at },
        { label: '通过验收审核后拨付剩余资金', quote: pq, at },
      ];
    }
    return support;
  }
  if (roll <= 70) {
    const amount = dice.pick([50, 100, 200, 300, 500]);
    const q = say(ctx, `对符合条件的企业一次性奖励${amount}万元。`);
    return { method: 'reward', methodQuote: q, methodAt: at, formula: { kind: 'fixed', amountWan: amount, quote: q, at } };
  }
  const q = say(ctx, '对符合条件的项目分档予以奖励，具体标准另行公布。');
  return { method: 'reward', methodQuote: q, methodAt: at, formula: { kind: 'notStated', quote: q, at } };
}

function personName(dice: Dice): string {
  return dice.pick(SURNAMES) + dice.pick(GIVEN) + (dice.chance(0.7) ? dice.pick(GIVEN) : '');
}

export interface SyntheticPolicy {
  id: string;
  year: number;
  province: string;
  directions: number;
  contacts: number;
  sourceBytes: number;
  /** What the crosswalk needs to cite this policy. */
  cw: {
    directions: Array<{ id: string; topic: string; supportQuote: string; supportAt: string }>;
    programme: { id: string; quote: string; at: string };
  };
}

function writePolicy(outDir: string, index: number, seed: number, reg: Map<string, FieldInfo>): SyntheticPolicy {
  const dice = new Dice(prng(seed * 1_000_003 + index * 7919));
  const ctx: Ctx = { dice, reg, lines: [] };
  const shanxi = index % 3 !== 2; // two Shanxi documents to one Jiangsu, as in the real corpus
  const province = shanxi ? '山西' : '江苏';
  const year = 2018 + (index % 12);
  const id = `${shanxi ? 'shanxi' : 'jiangsu'}-${year}-synthetic-${String(index + 1).padStart(3, '0')}`;
  const issuerText = `${province}省工业和信息化厅`;
  const docNo = shanxi ? `晋工信投资字〔${year}〕${index + 1}号` : `苏工信投资〔${year}〕${index + 1}号`;
  const titleText = `关于组织开展${province}省技术改造专项资金项目申报工作的通知（合成数据第${index + 1}号）`;

  say(ctx, `${issuerText}文件`);
  say(ctx, docNo);
  say(ctx, titleText);
  const addressees = say(ctx, shanxi ? '各市工信局，山西转型综改示范区管委会：' : '各设区市工业和信息化局：');
  const basisQuote = say(ctx, `根据《${province}省技术改造专项资金使用管理办法》（合成第${index + 1}号）要求，现就做好${year}年度项目申报工作通知如下。`);

  // 一、申报条件 (policy-wide eligibility)
  say(ctx, '一、申报条件');
  const legalQ = say(ctx, '（一）项目申报企业（单位）须为独立法人企业或其他法人单位。');
  const blackQ = say(ctx, '（二）列入“信用中国”网站失信黑名单或“国家企业信用信息公示系统”严重违法失信企业名单的，不得申报。');
  const eligibility: Obj[] = [
    { id: 'legal-entity', kind: 'boolean', label: '申报单位须为独立法人企业或其他法人单位', field: need(reg, 'legalEntity', ['boolean']), expected: true, quote: legalQ, at: '一 / （一）' },
    { id: 'not-blacklisted', kind: 'boolean', label: '未列入失信黑名单或严重违法失信企业名单', field: need(reg, 'creditBlacklisted', ['boolean']), expected: false, quote: blackQ, at: '一 / （二）' },
  ];
  if (dice.chance(0.5)) {
    const q = say(ctx, '（三）已获得过其他省级财政资金支持的项目不得重复申报。');
    eligibility.push({ id: 'no-other-funding', kind: 'boolean', label: '项目未获得过其他省级财政资金支持', field: need(reg, 'otherProvincialFunding', ['boolean']), expected: false, quote: q, at: '一 / （三）' });
  }

  // 二、申报专项和方向
  say(ctx, '二、申报专项和方向');
  const programmeCount = dice.int(2, 5);
  const programmes = dice.sample(PROGRAMMES, programmeCount).map(([pid, name], i) => {
    const q = say(ctx, `（${cnOrdinal(i)}）${name}`);
    filler(ctx, name, dice.int(1, 2));
    return { id: pid, name, level: '专项', order: i + 1, quote: q, at: `二 / （${cnOrdinal(i)}）` };
  });
  const directionCount = dice.int(10, 35);
  const topics = dice.sample(TOPICS, directionCount);
  const directions: DirectionOut[] = [];
  const perProgramme = new Map<string, number>();
  topics.forEach(([slug, name, what], i) => {
    const programme = programmes[i % programmes.length]!;
    const order = (perProgramme.get(programme.id) ?? 0) + 1;
    perProgramme.set(programme.id, order);
    const at = `${programme.at} / ${order}`;
    const headQ = say(ctx, `${order}. ${name}项目。`);
    filler(ctx, what, dice.int(2, 6));
    const criteria = makeCriteria(ctx, at, year, i);
    const support = makeSupport(ctx, at);
    const d: Obj = {
      id: slug,
      name: `${name}项目`,
      quote: headQ,
      at,
      programme: programme.id,
      order,
      summary: `支持${what}，面向符合条件的企业。`,
      applicants: dice.chance(0.75)
        ? (() => {
            const text = `在${province}省境内注册的独立法人企业`;
            return { text, quote: say(ctx, `申报主体为${text}。`), at };
          })()
        : { notStated: true, note: '原文未载明申报主体' },
      criteria,
      support,
      industries: [],
    };
    if (dice.chance(0.6)) {
      const max = dice.pick([5, 10, 15, 20, 30, 50]);
      const q = say(ctx, `支持数量不超过${max}个。`);
      d.quota = { max, text: `不超过${max}个`, quote: q, at };
    }
    d.materials = dice.sample(MATERIALS, dice.int(1, 3)).map(([mid, text]) => ({ id: mid, text, quote: say(ctx, `提供${text}。`), at }));
    if (dice.chance(0.3)) {
      const by = cnDate(year + 1, dice.pick([6, 12]), 30);
      const q = say(ctx, `项目须在${by.text}前建设完成。`);
      d.dates = [{ id: `${slug}-complete-by`, kind: 'complete-by', shape: 'day', label: '项目须在此日前建设完成', date: by.iso, directions: [slug], quote: q, at }];
    }
    if ((support.formula as Obj).kind === 'notStated' && dice.chance(0.3)) {
      d.applyFree = { quote: say(ctx, '本方向实行免申即享，无须企业申报。'), at };
    }
    directions.push({ data: d, topic: slug, supportQuote: String(support.methodQuote), supportAt: at });
  });

  // 三、申报时间
  say(ctx, '三、申报时间');
  const issuedMonth = dice.int(1, 9);
  const issued = cnDate(year, issuedMonth, dice.int(1, 28));
  const deadline = cnDate(year, issuedMonth + dice.int(1, 3), dice.int(1, 28));
  const deadlineQ = say(ctx, `项目申报截止时间为${deadline.text}。`);

  // 四、组合规则
  const oneDirQ = say(ctx, '四、同一项目只能选择一个专项和一个方向申报，不得多头申报。');
  const rules: Obj[] = [{ id: 'one-per-application', kind: 'one-per-application', text: '同一项目只能申报一个专项的一个方向', directions: [], quote: oneDirQ, at: '四' }];
  if (directions.length >= 2 && dice.chance(0.6)) {
    const [a, b] = dice.sample(directions, 2).map((d) => d.data);
    const q = say(ctx, `同一企业的${String(a!.name)}与${String(b!.name)}不同时支持。`);
    rules.push({ id: 'exclusive-pair', kind: 'mutually-exclusive', text: `${String(a!.name)}与${String(b!.name)}不同时支持`, directions: [a!.id, b!.id], quote: q, at: '四' });
  }

  // 五、联系方式: one row per direction, some people handle two directions.
  say(ctx, '五、联系方式');
  const contacts: Obj[] = [];
  const areaPhone = () => (shanxi ? `0351-30${String(dice.int(0, 99999)).padStart(5, '0')}` : `025-8${String(dice.int(0, 9999999)).padStart(7, '0')}`);
  let row = 0;
  for (let i = 0; i < directions.length; ) {
    const span = dice.chance(0.25) && i + 1 < directions.length ? 2 : 1;
    const handled = directions.slice(i, i + span).map((d) => d.data);
    const name = personName(dice);
    const department = dice.pick(DEPARTMENTS);
    const phone = areaPhone();
    row++;
    const q = say(ctx, `${row}\t${handled.map((d) => String(d.name)).join('、')}\t${department}\t${name}\t${phone}`);
    contacts.push({
      id: `r${String(row).padStart(2, '0')}`,
      name,
      department,
      organisation: issuerText,
      level: 'province',
      phones: [phone],
      directions: handled.map((d) => d.id),
      quote: q,
      at: `附件 / ${row}`,
    });
    i += span;
  }

  const licenceQ = say(ctx, '附件：企业营业执照。');
  const issuedQ = say(ctx, `${issuerText}\n\n${issued.text}`);
  const sourceText = ctx.lines.join('\n\n') + '\n';
  const dir = join(outDir, id);
  mkdirSync(join(dir, 'directions'), { recursive: true });
  writeFileSync(join(dir, 'source.txt'), sourceText);
  const policy: Obj = {
    id,
    province,
    year,
    kind: 'funding-call',
    title: { text: titleText, quote: titleText, at: '标题' },
    shortTitle: `${province} ${year} 合成政策 ${index + 1}`,
    issuer: { text: issuerText, quote: issuedQ, at: '落款' },
    docNumber: { text: docNo, quote: docNo, at: '版头' },
    addressees: { text: addressees.replace(/：$/, ''), quote: addressees, at: '主送' },
    source: { seedFile: `synthetic-${index + 1}.txt`, sha256: createHash('sha256').update(sourceText).digest('hex') },
    basis: [{ text: `《${province}省技术改造专项资金使用管理办法》`, quote: basisQuote, at: '引言' }],
    programmes,
    dates: [
      { id: 'issued', kind: 'issued', shape: 'day', label: '发文日期', date: issued.iso, quote: issued.text, at: '落款' },
      { id: 'deadline', kind: 'deadline', shape: 'day', label: '项目申报截止', date: deadline.iso, quote: deadlineQ, at: '三' },
    ],
    eligibility,
    materials: [{ id: 'business-licence', text: '企业营业执照', quote: licenceQ, at: '附件' }],
  };

  const header = `# 合成数据（scripts/gen-synthetic.ts，seed ${seed}）：仅用于性能测试，不是真实政策。\n`;
  writeFileSync(join(dir, 'policy.yaml'), header + stringify(policy, { lineWidth: 0 }));
  for (const d of directions) writeFileSync(join(dir, 'directions', `${String(d.data.id)}.yaml`), header + stringify(d.data, { lineWidth: 0 }));
  writeFileSync(join(dir, 'contacts.yaml'), header + stringify({ contacts }, { lineWidth: 0 }));
  writeFileSync(join(dir, 'rules.yaml'), header + stringify({ rules }, { lineWidth: 0 }));
  const firstProgramme = programmes[0]!;
  return {
    id,
    year,
    province,
    directions: directions.length,
    contacts: contacts.length,
    sourceBytes: Buffer.byteLength(sourceText),
    cw: {
      directions: directions.map((d) => ({ id: String(d.data.id), topic: d.topic, supportQuote: d.supportQuote, supportAt: d.supportAt })),
      programme: { id: firstProgramme.id, quote: firstProgramme.quote, at: firstProgramme.at },
    },
  };
}

// ---------------------------------------------------------------------------------------------------

/**
 * policies/crosswalk.yaml for the synthetic corpus, shaped like the real one: every direction is in a
 * theme (in a link of up to three comparable directions from different policies, whose difference cites
 * each side's support clause) or listed under noCounterpart; Shanxi's documents get evolution steps.
 */
function writeCrosswalk(outDir: string, policies: readonly SyntheticPolicy[], seed: number): void {
  const dice = new Dice(prng(seed * 31 + 17));
  const byTopic = new Map<string, Array<{ policy: SyntheticPolicy; d: SyntheticPolicy['cw']['directions'][number] }>>();
  const noCounterpart: Obj[] = [];
  for (const policy of policies) {
    for (const d of policy.cw.directions) {
      // A few directions have nothing comparable, as in the real crosswalk.
      if (dice.chance(0.05)) noCounterpart.push({ direction: `${policy.id}/${d.id}`, reason: '合成数据：该方向在其他政策中没有可比的方向。' });
      else byTopic.set(d.topic, [...(byTopic.get(d.topic) ?? []), { policy, d }]);
    }
  }
  const themes: Obj[] = [];
  for (const theme of THEMES) {
    const links: Obj[] = [];
    for (const topic of theme.topics) {
      const refs = byTopic.get(topic) ?? [];
      for (let i = 0; i < refs.length; i += 3) {
        const group = refs.slice(i, i + 3);
        const link: Obj = { directions: group.map((g) => `${g.policy.id}/${g.d.id}`), note: '合成数据：同一主题下支持内容相近的方向。' };
        if (group.length > 1) {
          link.differences = [{ text: '各份文件的支持方式和标准不同。', cites: group.map((g) => ({ policy: g.policy.id, quote: g.d.supportQuote, at: g.d.supportAt })) }];
        }
        links.push(link);
      }
    }
    if (links.length > 0) themes.push({ id: theme.id, name: theme.name, summary: `合成数据：${theme.name}相关方向的比较。`, links });
  }
  // Evolution: each Shanxi document against the latest earlier-year Shanxi document.
  const shanxi = policies.filter((p) => p.province === '山西').sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
  const evolution: Obj[] = [];
  for (let i = 1; i < shanxi.length; i++) {
    const to = shanxi[i]!;
    const from = [...shanxi.slice(0, i)].reverse().find((p) => p.year < to.year);
    if (!from) continue;
    evolution.push({
      id: `step-${from.id.replace(/^shanxi-/, '')}-${to.id.replace(/^shanxi-/, '')}`.slice(0, 80).replace(/-+$/, ''),
      kind: 'changed-mode',
      from: { policy: from.id, programme: from.cw.programme.id, quote: from.cw.programme.quote, at: from.cw.programme.at },
      to: { policy: to.id, programme: to.cw.programme.id, quote: to.cw.programme.quote, at: to.cw.programme.at },
      note: '合成数据：后一份文件调整了专项设置。',
    });
  }
  const header = '# 合成数据（scripts/gen-synthetic.ts）：比较主题，仅用于性能测试。\n';
  writeFileSync(join(outDir, 'crosswalk.yaml'), header + stringify({ themes, noCounterpart, evolution }, { lineWidth: 0 }));
}

export interface GenerateOptions {
  count: number;
  outDir: string;
  seed?: number;
  /** The shared field registry to copy alongside (default: the project's policies/fields.yaml). */
  fieldsYaml?: string;
}

export interface GenerateResult {
  outDir: string;
  policies: SyntheticPolicy[];
}

/** Writes `count` synthetic policies, the shared fields.yaml and a crosswalk.yaml into `outDir`. */
export function generateSynthetic(options: GenerateOptions): GenerateResult {
  const seed = options.seed ?? 1;
  const fieldsYaml = options.fieldsYaml ?? join(PROJECT, 'policies', 'fields.yaml');
  mkdirSync(options.outDir, { recursive: true });
  copyFileSync(fieldsYaml, join(options.outDir, 'fields.yaml'));
  const reg = readRegistry(fieldsYaml);
  const policies: SyntheticPolicy[] = [];
  for (let i = 0; i < options.count; i++) policies.push(writePolicy(options.outDir, i, seed, reg));
  writeCrosswalk(options.outDir, policies, seed);
  return { outDir: options.outDir, policies };
}

/**
 * Minimal overviews for the policy pages (which require content/policies/<id>.mdx). Written only into a
 * temporary copy of the project, never into the real content/ folder.
 */
export function writeOverviews(policyIds: readonly string[], contentDir: string): void {
  mkdirSync(contentDir, { recursive: true });
  for (const id of policyIds) {
    const mdx = `---\npolicy: ${id}\nsummary: 合成的性能测试政策，结构与真实申报通知相同，内容不是真实政策。\n---\n\n## 这份通知是什么\n\n性能测试用的合成数据，由 scripts/gen-synthetic.ts 生成。\n`;
    writeFileSync(join(contentDir, `${id}.mdx`), mdx);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i === -1) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const seed = Number(flag('--seed') ?? 1);
  const mdx = flag('--mdx');
  const count = Number(args[0] ?? 20);
  if (!Number.isInteger(count) || count < 1) throw new Error(`数量应为正整数，实际为 ${args[0]}`);
  const outDir = resolve(args[1] ?? mkdtempSync(join(tmpdir(), 'synthetic-policies-')));
  // The real corpus and overviews are never overwritten with synthetic data.
  if (outDir === resolve(PROJECT, 'policies')) throw new Error('拒绝写入项目的 policies/ 文件夹');
  if (mdx && resolve(mdx).startsWith(resolve(PROJECT, 'content'))) throw new Error('拒绝写入项目的 content/ 文件夹：请指向临时副本');
  const { policies } = generateSynthetic({ count, outDir, seed });
  if (mdx) writeOverviews(policies.map((p) => p.id), resolve(mdx));
  const sum = (f: (p: SyntheticPolicy) => number) => policies.reduce((n, p) => n + f(p), 0);
  console.log(`已生成 ${policies.length} 份合成政策（seed ${seed}）：${sum((p) => p.directions)} 个方向，${sum((p) => p.contacts)} 位联系人，原文共 ${(sum((p) => p.sourceBytes) / 1024).toFixed(0)} KB → ${outDir}`);
  console.log(`校验：npx tsx scripts/check-data.ts ${outDir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
