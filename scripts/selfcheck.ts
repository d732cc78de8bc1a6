/**
 * Self-check from the command line: the same engine as the site, on a profile in a JSON file or stdin.
 *
 *   npx tsx scripts/selfcheck.ts profile.json
 *   echo '{"totalInvestmentWan":"3000万元"}' | npx tsx scripts/selfcheck.ts - --policy shanxi-2023-tech-retrofit
 *   npx tsx scripts/selfcheck.ts --schema
 *
 * Options: --policy <id> narrows to one policy; --as-of YYYY-MM-DD overrides each policy's deadline;
 * --schema prints the profile's JSON Schema. Bad input exits with status 2 and one zh-CN line naming
 * the field, what was expected and what was found; bad data exits with 1. Never a stack trace.
 *
 * POLICIES_DIR overrides the policies folder (tests use a small fixture).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError, formatProblem } from '../src/data/errors.ts';
import { loadCorpus, type Corpus } from '../src/data/load.ts';
import { evaluateProfile, fieldRegistry, isIsoDate } from '../src/engine/index.ts';
import { profileJsonSchema, validateProfile } from '../src/engine/profile.ts';
import { describeInput, inputError } from '../src/engine/parse-input.ts';
import { todayInShanghai } from '../src/lib/dates.ts';

/** A failure to report in one line with an exit status; anything else is a bug, reported tersely too. */
class Exit extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const USAGE = '用法：npx tsx scripts/selfcheck.ts <profile.json | -> [--policy <id>] [--as-of YYYY-MM-DD]，或 --schema';

interface Args {
  input?: string;
  policy?: string;
  asOf?: string;
  schema: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { schema: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new Exit(`${name}：应为 一个取值；实际为 （缺失）。${USAGE}`, 2);
      return next;
    };
    if (a === '--schema') args.schema = true;
    else if (a === '--help' || a === '-h') throw new Exit(USAGE, 0);
    else if (a === '--policy' || a.startsWith('--policy=')) args.policy = value('--policy');
    else if (a === '--as-of' || a.startsWith('--as-of=')) args.asOf = value('--as-of');
    else if (a.startsWith('--')) throw new Exit(`参数：应为 --policy、--as-of 或 --schema；实际为 “${a}”。${USAGE}`, 2);
    else if (args.input === undefined) args.input = a;
    else throw new Exit(`参数：应为 一个档案文件（或 -）；实际为 多个（“${args.input}”、“${a}”）。${USAGE}`, 2);
  }
  return args;
}

function load(): Corpus {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = process.env.POLICIES_DIR ? resolve(process.env.POLICIES_DIR) : join(root, 'policies');
  try {
    return loadCorpus(dir, process.env.POLICIES_DIR ? resolve(dir, '..') : root);
  } catch (e) {
    if (e instanceof DataError) {
      const first = e.problems[0];
      throw new Exit(`数据校验失败（${e.problems.length} 处），先运行 npm run check:data 修正。首处：${first ? formatProblem(first) : ''}`, 1);
    }
    throw new Exit(`无法读取政策数据（${dir}）：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, 1);
  }
}

function readInput(input: string): string {
  try {
    return readFileSync(input === '-' ? 0 : input, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Exit(`档案文件：应为 可读取的 JSON 文件；实际为 “${input}”（${code === 'ENOENT' ? '文件不存在' : (code ?? '无法读取')}）`, 2);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = e instanceof Error ? e.message.replace(/\s+/g, ' ') : '';
    const why = m.length > 80 ? m.slice(0, 77) + '…' : m;
    const found = text.trim() === '' ? '空输入' : `不是合法的 JSON（${why}）`;
    throw new Exit(inputError('', '输入', 'JSON 对象，如 {"totalInvestmentWan": 3000}', found).message, 2);
  }
}

function main(argv: readonly string[]): void {
  const args = parseArgs(argv);
  if (!args.schema && args.input === undefined) throw new Exit(`档案：应为 JSON 文件路径或 -（从标准输入读取）；实际为 （缺失）。${USAGE}`, 2);
  if (args.asOf !== undefined && !isIsoDate(args.asOf)) {
    throw new Exit(inputError('', '--as-of', '日历上存在的日期 YYYY-MM-DD，如 2023-11-10', describeInput(args.asOf)).message, 2);
  }
  const corpus = load();
  const registry = fieldRegistry(corpus);
  if (args.schema) {
    process.stdout.write(JSON.stringify(profileJsonSchema(registry), null, 2) + '\n');
    return;
  }
  if (args.policy !== undefined && !corpus.policies.some((p) => p.id === args.policy)) {
    const ids = corpus.policies.map((p) => p.id).join('、');
    throw new Exit(inputError('', '--policy', `已有的政策 id（${ids}）`, describeInput(args.policy)).message, 2);
  }
  const raw = parseJson(readInput(args.input!));
  const checked = validateProfile(raw, registry);
  if (!checked.ok) throw new Exit(checked.errors.map((e) => e.message).join('；'), 2);
  const out = evaluateProfile(corpus, checked.profile, {
    today: todayInShanghai(),
    ...(args.asOf !== undefined ? { asOf: args.asOf } : {}),
    ...(args.policy !== undefined ? { policy: args.policy } : {}),
  });
  const json = {
    asOf: out.asOf,
    results: out.results.map((r) => ({
      policy: r.policy,
      direction: r.direction,
      name: r.name,
      verdict: r.verdict,
      met: r.met,
      of: r.of,
      reasons: r.reasons.map((x) => ({ criterion: x.criterion, status: x.status, quote: x.quote })),
      maxSupportWan: r.maxSupportWan,
    })),
    warnings: out.warnings,
  };
  process.stdout.write(JSON.stringify(json, null, 2) + '\n');
}

/** Prints one line and exits; a bug is reported without its stack (the message is still useful). */
function fail(e: unknown): never {
  if (e instanceof Exit) {
    (e.status === 0 ? process.stdout : process.stderr).write(e.message.replace(/\s*\n\s*/g, ' ') + '\n');
    process.exit(e.status);
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`自查失败（程序错误）：${msg.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
try {
  main(process.argv.slice(2));
} catch (e) {
  fail(e);
}
