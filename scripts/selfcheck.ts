/**
 * Self-check from the command line: the same engine as the site, on a profile in a JSON file or stdin,
 * or on many profiles (one JSON object a line).
 *
 *   npm run selfcheck -- profile.json
 *   echo '{"totalInvestmentWan":"3000万元"}' | npm run selfcheck -- - --policy shanxi-2023-tech-retrofit
 *   npm run selfcheck -- --batch profiles.jsonl > results.jsonl
 *   npm run selfcheck -- --schema | --output-schema
 *
 * Options:
 *   --policy <id>         only this policy's directions
 *   --as-of YYYY-MM-DD    judge dated criteria on this date (default: each policy's deadline, else the
 *                         date its text implies, e.g. Jiangsu's statistics cut-off; never the clock)
 *   --today YYYY-MM-DD    the day for each result's round status (default: today in Asia/Shanghai);
 *                         it never changes a verdict
 *   --batch <file | ->    one profile per line (JSON Lines) → one result object per line
 *   --brief               leave out the texts (quotes, locators, labels, the support working): a script
 *                         joins them back from the open data (criteria.csv, support.csv) by id
 *   --schema              the profile's JSON Schema;  --output-schema: the output's JSON Schema
 *
 * Bad input exits with status 2 and one zh-CN line naming the field, what was expected and what was
 * found (in a batch, a bad line prints {"line": n, "error": "…"} and the run continues, then exits 2);
 * bad data exits with 1. Never a stack trace.
 *
 * Start-up: `npm run selfcheck` runs an ahead-of-time bundle (scripts/selfcheck.mjs builds it when the
 * sources changed), which reads a JSON snapshot of the engine's data instead of parsing and checking
 * the YAML (see scripts/lib/selfcheck-cli.ts, which holds the logic; this file only wires it to the process).
 */
import { readFileSync } from 'node:fs';
import { report, runCli, type CliIo } from './lib/selfcheck-cli.ts';

const io: CliIo = {
  env: process.env,
  readStdin: () => readFileSync(0, 'utf8'),
  out: (chunk) => void process.stdout.write(chunk),
  err: (chunk) => void process.stderr.write(chunk),
};

/** An error outside runCli (a failed write, a stray rejection): one line, like any other, then exit. */
const fail = (e: unknown): never => process.exit(report(e, io));

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(0) : fail(e)));
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
process.exitCode = await runCli(process.argv.slice(2), io);
