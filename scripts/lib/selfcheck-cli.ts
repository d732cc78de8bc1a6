/**
 * The self-check CLI's logic: arguments, loading the engine's data (snapshot or YAML), evaluation, batch
 * JSON Lines, and the one-line zh-CN error with its exit status (0, 1 data, 2 input). It touches the
 * process only through `io` (environment, standard input, output) and returns the status instead of
 * exiting, so the tests run it in-process; scripts/selfcheck.ts wires it to the real process (usage there).
 *
 * Data: the bundle reads a JSON snapshot of the engine's data (.cache/cli/engine-data.json, written by
 * scripts/build-cli.mjs through `--write-snapshot <file>`) instead of parsing and checking the YAML. The
 * snapshot records the policies folder's file sizes and times; if they differ, or with POLICIES_DIR
 * (tests use a small fixture), the YAML is loaded and checked. SELFCHECK_NOW (an ISO instant) replaces
 * the clock, for tests.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate as evaluateRaw, type BriefOutput, type Output } from '../../src/engine/api.ts';
import { compileCorpus, isIsoDate, type EngineData, type EnginePolicy } from '../../src/engine/index.ts';
import { describeInput, inputError } from '../../src/engine/parse-input.ts';
import { profileJsonSchema } from '../../src/engine/profile.ts';
import { todayInShanghai } from '../../src/lib/dates.ts';

/** The process as the CLI sees it; a test passes its own. */
export interface CliIo {
  /** Read for POLICIES_DIR and SELFCHECK_NOW only. */
  env: NodeJS.ProcessEnv;
  /** All of standard input, for `-` and `--batch -`. */
  readStdin(): string;
  out(chunk: string): void;
  err(chunk: string): void;
}

/** A failure to report in one line with an exit status; anything else is a bug, reported tersely too. */
class Exit extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const USAGE =
  '用法：npm run selfcheck -- <profile.json | -> [--policy <id>] [--as-of YYYY-MM-DD] [--today YYYY-MM-DD] [--brief]，或 --batch <profiles.jsonl | -> [--brief]，或 --schema / --output-schema';

interface Args {
  input?: string;
  batch?: string;
  policy?: string;
  asOf?: string;
  today?: string;
  schema: boolean;
  outputSchema: boolean;
  brief: boolean;
  writeSnapshot?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { schema: false, outputSchema: false, brief: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new Exit(`${name}：应为 一个取值；实际为 （缺失）。${USAGE}`, 2);
      return next;
    };
    const is = (name: string) => a === name || a.startsWith(`${name}=`);
    if (a === '--schema') args.schema = true;
    else if (a === '--output-schema') args.outputSchema = true;
    else if (a === '--brief') args.brief = true;
    else if (a === '--help' || a === '-h') throw new Exit(USAGE, 0);
    else if (is('--policy')) args.policy = value('--policy');
    else if (is('--as-of')) args.asOf = value('--as-of');
    else if (is('--today')) args.today = value('--today');
    else if (is('--batch')) args.batch = value('--batch');
    else if (is('--write-snapshot')) args.writeSnapshot = value('--write-snapshot');
    else if (a.startsWith('--')) throw new Exit(`参数：应为 --policy、--as-of、--today、--batch、--brief、--schema 或 --output-schema；实际为 “${a}”。${USAGE}`, 2);
    else if (args.input === undefined) args.input = a;
    else throw new Exit(`参数：应为 一个档案文件（或 -）；实际为 多个（“${args.input}”、“${a}”）。${USAGE}`, 2);
  }
  return args;
}

/** The project root: the nearest folder above this file with a package.json (source and bundle alike). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const ROOT = projectRoot();
/** Where scripts/build-cli.mjs puts the bundle and its data snapshot. */
const SNAPSHOT_FILE = join(ROOT, '.cache', 'cli', 'engine-data.json');

interface Snapshot {
  /** Every file under policies/ with its size and modification time: a change means the snapshot is stale. */
  fingerprint: string;
  data: EngineData;
}

/** Sizes and times of every file under `dir`: cheap (no reading), and any edit changes it. */
function fingerprint(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        out.push(`${relative(dir, p)}:${s.size}:${Math.trunc(s.mtimeMs)}`);
      }
    }
  };
  walk(dir);
  return out.join('\n');
}

/** Only what the engine reads: no source texts, contacts or provisions. */
function engineData(corpus: { policies: readonly EnginePolicy[]; fields: EngineData['fields'] }): EngineData {
  return {
    fields: corpus.fields,
    policies: corpus.policies.map((p) => ({
      id: p.id,
      kind: p.kind,
      ...(p.dates ? { dates: p.dates } : {}),
      ...(p.eligibility ? { eligibility: p.eligibility } : {}),
      ...(p.rules ? { rules: p.rules } : {}),
      ...(p.fields ? { fields: p.fields } : {}),
      ...(p.asOf ? { asOf: p.asOf } : {}),
      directions: p.directions.map((d) => ({
        id: d.id,
        name: d.name,
        criteria: d.criteria,
        ...(d.support ? { support: d.support } : {}),
        ...(d.guidanceOnly !== undefined ? { guidanceOnly: d.guidanceOnly } : {}),
        ...(d.dates ? { dates: d.dates } : {}),
        ...(d.schemeSeparately ? { schemeSeparately: d.schemeSeparately } : {}),
      })),
    })),
  };
}

/** Reads and checks the YAML (the slow path: yaml, zod, every quote against its source). */
async function loadYaml(dir: string, root: string): Promise<EngineData> {
  const { loadCorpus } = await import('../../src/data/load.ts');
  const { DataError, formatProblem } = await import('../../src/data/errors.ts');
  try {
    return engineData(loadCorpus(dir, root));
  } catch (e) {
    if (e instanceof DataError) {
      const first = e.problems[0];
      throw new Exit(`数据校验失败（${e.problems.length} 处），先运行 npm run check:data 修正。首处：${first ? formatProblem(first) : ''}`, 1);
    }
    throw new Exit(`无法读取政策数据（${dir}）：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, 1);
  }
}

async function load(env: NodeJS.ProcessEnv): Promise<EngineData> {
  if (env.POLICIES_DIR) {
    const dir = resolve(env.POLICIES_DIR);
    return loadYaml(dir, resolve(dir, '..'));
  }
  const dir = join(ROOT, 'policies');
  if (existsSync(SNAPSHOT_FILE)) {
    try {
      const snap = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Snapshot;
      if (snap.fingerprint === fingerprint(dir)) return snap.data;
    } catch {
      // A damaged snapshot is only a cache: fall through to the YAML.
    }
  }
  return loadYaml(dir, ROOT);
}

/** A file, or standard input for `-` (through `io`, so that a test can hand it over). */
function readInput(input: string, what: string, io: CliIo): string {
  try {
    return input === '-' ? io.readStdin() : readFileSync(input, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Exit(`${what}：应为 可读取的文件；实际为 “${input}”（${code === 'ENOENT' ? '文件不存在' : (code ?? '无法读取')}）`, 2);
  }
}

function parseJson(text: string, where = '输入'): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = e instanceof Error ? e.message.replace(/\s+/g, ' ') : '';
    const why = m.length > 80 ? m.slice(0, 77) + '…' : m;
    const found = text.trim() === '' ? '空输入' : `不是合法的 JSON（${why}）`;
    throw new Exit(inputError('', where, 'JSON 对象，如 {"totalInvestmentWan": 3000}', found).message, 2);
  }
}

/** The clock, replaceable for tests; used only for the round status. */
function now(env: NodeJS.ProcessEnv): Date {
  const fake = env.SELFCHECK_NOW;
  if (fake === undefined) return new Date();
  const d = new Date(fake);
  if (Number.isNaN(d.getTime())) throw new Exit(inputError('', 'SELFCHECK_NOW', 'ISO 时间，如 2023-11-10T08:00:00+08:00', describeInput(fake)).message, 2);
  return d;
}

function checkDate(name: string, value: string | undefined): void {
  if (value !== undefined && !isIsoDate(value)) throw new Exit(inputError('', name, '日历上存在的日期 YYYY-MM-DD，如 2023-11-10', describeInput(value)).message, 2);
}

async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.outputSchema) {
    const { outputJsonSchema } = await import('../../src/engine/output-schema.ts');
    io.out(JSON.stringify(outputJsonSchema(), null, 2) + '\n');
    return 0;
  }
  if (args.writeSnapshot !== undefined) {
    const dir = join(ROOT, 'policies');
    const snap: Snapshot = { fingerprint: fingerprint(dir), data: await loadYaml(dir, ROOT) };
    writeFileSync(args.writeSnapshot, JSON.stringify(snap));
    return 0;
  }
  if (!args.schema && args.input === undefined && args.batch === undefined) throw new Exit(`档案：应为 JSON 文件路径或 -（从标准输入读取）；实际为 （缺失）。${USAGE}`, 2);
  if (args.input !== undefined && args.batch !== undefined) throw new Exit(`参数：应为 一个档案文件或 --batch 之一；实际为 两者都有。${USAGE}`, 2);
  checkDate('--as-of', args.asOf);
  checkDate('--today', args.today);
  const data = await load(io.env);
  if (args.schema) {
    io.out(JSON.stringify(profileJsonSchema(compileCorpus(data).registry), null, 2) + '\n');
    return 0;
  }
  if (args.policy !== undefined && !data.policies.some((p) => p.id === args.policy)) {
    const ids = data.policies.map((p) => p.id).join('、');
    throw new Exit(inputError('', '--policy', `已有的政策 id（${ids}）`, describeInput(args.policy)).message, 2);
  }
  const options = {
    today: args.today ?? todayInShanghai(now(io.env)),
    brief: args.brief,
    ...(args.asOf !== undefined ? { asOf: args.asOf } : {}),
    ...(args.policy !== undefined ? { policy: args.policy } : {}),
  };
  const evaluate = (raw: unknown): Output | BriefOutput => {
    const result = evaluateRaw(data, raw, options);
    if (!result.ok) throw new Exit(result.errors.map((e) => e.message).join('；'), 2);
    return result.output;
  };

  if (args.batch === undefined) {
    io.out(JSON.stringify(evaluate(parseJson(readInput(args.input!, '档案文件', io))), null, 2) + '\n');
    return 0;
  }
  // JSON Lines: one compact object per input line, in order; a bad line is reported in place. Written
  // in chunks of 100 lines, since a batch's output can run to hundreds of MB.
  const lines = readInput(args.batch, '--batch 文件', io).replace(/^\uFEFF/, '').split('\n');
  let bad = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length > 0) io.out(out.join(''));
    out.length = 0;
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.stringify(evaluate(parseJson(line, `第 ${i + 1} 行`))) + '\n');
    } catch (e) {
      if (!(e instanceof Exit)) throw e;
      bad++;
      out.push(JSON.stringify({ line: i + 1, error: e.message }) + '\n');
    }
    if (out.length >= 100) flush();
  });
  flush();
  return bad > 0 ? 2 : 0;
}

/** Runs the CLI on `argv` (without node and the script) and returns its exit status; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (e) {
    return report(e, io);
  }
}

/**
 * Writes a failure as one line and returns its exit status: an Exit as is (to stdout for status 0, i.e.
 * --help), anything else as a bug, without its stack (the message is still useful). The process wrapper
 * uses it for uncaught errors too.
 */
export function report(e: unknown, io: Pick<CliIo, 'out' | 'err'>): number {
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ') + '\n';
  if (e instanceof Exit) {
    if (e.status === 0) io.out(oneLine(e.message));
    else io.err(oneLine(e.message));
    return e.status;
  }
  io.err(oneLine(`自查失败（程序错误）：${e instanceof Error ? e.message : String(e)}`));
  return 1;
}
