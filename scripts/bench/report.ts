/**
 * Printing and collecting benchmark figures. Every figure is printed next to its budget; a missed budget
 * prints 超出预算 but never fails the run (timings are not assertions: they depend on the machine).
 * When BENCH_JSON names a file, the figures are also written there so bench-all can build its table.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';

export interface Figure {
  /** What is measured, in Chinese, e.g. “真实语料完整构建时间”. */
  label: string;
  /** The measured value, formatted with its unit. */
  value: string;
  /** The budget as text (“≤ 20 s”), or “—” for figures reported without one. */
  budget: string;
  /** true = within budget, false = over budget, null = no budget or not measurable. */
  met: boolean | null;
  /** Short explanation printed under the figure (and kept out of the summary table). */
  note?: string;
}

export interface ScriptReport {
  script: string;
  figures: Figure[];
  /** Set when the measurement itself could not be made (build failed, engine missing…). */
  error?: string;
}

export const OVER = '超出预算';

export function verdictText(met: boolean | null): string {
  return met === null ? '—' : met ? '达标' : OVER;
}

/** Prints one figure as “label: value（预算 …）达标|超出预算”. */
export function printFigure(f: Figure): void {
  const budget = f.budget === '—' ? '' : `（预算 ${f.budget}）`;
  const verdict = f.met === null ? '' : f.met ? '  ✓ 达标' : `  ✗ ${OVER}`;
  console.log(`  ${f.label}：${f.value}${budget}${verdict}`);
  if (f.note) for (const line of f.note.split('\n')) console.log(`      ${line}`);
}

/** Collects figures, prints each as it is added, and writes them for bench-all at the end. */
export class Reporter {
  readonly figures: Figure[] = [];
  error: string | undefined;
  constructor(readonly script: string) {}
  add(f: Figure): Figure {
    this.figures.push(f);
    printFigure(f);
    return f;
  }
  fail(message: string): void {
    this.error = this.error ? `${this.error}; ${message}` : message;
    console.log(`  ！测量失败：${message}`);
  }
  /** Writes BENCH_JSON (if set) and returns the exit code: 1 only when a measurement could not be made. */
  finish(): number {
    const out = process.env.BENCH_JSON;
    const report: ScriptReport = { script: this.script, figures: this.figures, ...(this.error ? { error: this.error } : {}) };
    if (out) writeFileSync(out, JSON.stringify(report, null, 2));
    const over = this.figures.filter((f) => f.met === false).length;
    console.log(`\n${this.script}：${this.figures.length} 项指标，${over === 0 ? '全部在预算内或无预算' : `${over} 项${OVER}`}${this.error ? '，有测量失败（见上）' : ''}。`);
    return this.error ? 1 : 0;
  }
}

export const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(0)} µs`);
export const fmtKB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const fmtMB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Today in Asia/Shanghai, YYYY-MM-DD HH:MM. */
export function shanghaiNow(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date());
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return cpus().length;
  }
}

/** The machine, printed at the top of every script: timings mean little without it. */
export function machineLine(): string {
  const [l1, l5] = loadavg();
  return `机器：${nproc()} 核（${cpus()[0]?.model.trim() ?? '未知 CPU'}），Node ${process.version}，负载 ${l1!.toFixed(1)} / ${l5!.toFixed(1)}（1/5 分钟），${shanghaiNow()}（Asia/Shanghai）`;
}

/** Warns when other work shares the CPUs, since wall-clock figures then overstate the build's own cost. */
export function loadWarning(): string | undefined {
  const l1 = loadavg()[0]!;
  const n = nproc();
  return l1 > n ? `注意：1 分钟负载 ${l1.toFixed(1)} 高于核数 ${n}，有其他进程在争用 CPU，墙钟时间会偏高。` : undefined;
}

export function header(title: string): void {
  console.log(`\n=== ${title} ===`);
  console.log(machineLine());
  const w = loadWarning();
  if (w) console.log(w);
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
