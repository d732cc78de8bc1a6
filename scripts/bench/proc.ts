/**
 * Runs a command and measures it: wall time, CPU time and peak memory.
 *
 * Peak memory is measured two ways because they answer different questions:
 * - `/usr/bin/time -v` gives the largest resident set of any single process (what one Node needs);
 * - polling /proc every 100 ms and summing RSS over the whole process tree gives what the machine needs
 *   at once (Astro's Node plus its workers). Short peaks between two
 *   samples can be missed, so it is a lower bound.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface Measured {
  code: number;
  wallMs: number;
  /** user + system CPU time of the command and its children, from /usr/bin/time (null without it). */
  cpuMs: number | null;
  /** Largest RSS of any single process in the tree, from /usr/bin/time (null without it). */
  maxRssBytes: number | null;
  /** Peak of the summed RSS of the process tree, sampled every 100 ms. */
  peakTreeRssBytes: number;
  /** Everything the command printed (stdout and stderr, interleaved). */
  log: string;
}

const TIME = '/usr/bin/time';
const PAGE = 4096;

/** Every descendant of `root` (and root itself), from the parent links in /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: the ppid follows the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function treeRss(root: number): number {
  let sum = 0;
  for (const pid of processTree(root)) {
    try {
      const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
      sum += Number(statm[1]) * PAGE;
    } catch {
      // ended
    }
  }
  return sum;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Also write the output here as it arrives (for inspection after a failure). */
  logFile?: string;
  /** Echo output lines matching this to the console (progress), nothing else. */
  echo?: RegExp;
}

export function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<Measured> {
  const useTime = existsSync(TIME);
  const timeOut = join(options.cwd, `.bench-time-${process.pid}-${Date.now()}.txt`);
  const [cmd, argv] = useTime ? [TIME, ['-v', '-o', timeOut, command, ...args]] : [command, [...args]];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logStream = options.logFile ? createWriteStream(options.logFile) : undefined;
  let log = '';
  let pending = '';
  const onData = (b: Buffer) => {
    const s = b.toString('utf8');
    log += s;
    logStream?.write(s);
    if (options.echo) {
      pending += s;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (options.echo.test(line)) console.log(`    │ ${line.trim()}`);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let peak = 0;
  const sample = () => {
    if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
  };
  const timer = setInterval(sample, 100);
  return new Promise((resolvePromise, reject) => {
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      logStream?.end();
      const wallMs = performance.now() - started;
      let cpuMs: number | null = null;
      let maxRssBytes: number | null = null;
      if (useTime && existsSync(timeOut)) {
        const t = readFileSync(timeOut, 'utf8');
        const num = (re: RegExp) => Number(re.exec(t)?.[1] ?? NaN);
        const user = num(/User time \(seconds\): ([\d.]+)/);
        const sys = num(/System time \(seconds\): ([\d.]+)/);
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user + sys) * 1000;
        const kb = num(/Maximum resident set size \(kbytes\): (\d+)/);
        if (Number.isFinite(kb)) maxRssBytes = kb * 1024;
        rmSync(timeOut, { force: true });
      }
      resolvePromise({ code: code ?? 1, wallMs, cpuMs, maxRssBytes, peakTreeRssBytes: peak, log });
    });
  });
}

/** The last `n` meaningful lines of a log, for failure messages (Vite's boxed warnings dropped). */
export function logTail(log: string, n = 15): string {
  return log
    .split('\n')
    .filter((l) => l.trim() && !/[│╭╰─]{2,}|^\s*[│╭╰]/.test(l) && !/\[WARN\]/.test(l))
    .slice(-n)
    .join('\n');
}
