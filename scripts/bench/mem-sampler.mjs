/**
 * Loaded into the Astro build by the benchmarks (`node --import …/mem-sampler.mjs`). Every
 * MEM_SAMPLE_MS (250 ms by default) it records the process's RSS and V8 heap in use, with the file Astro
 * was generating at that moment (Astro prints `├─ /path` as it starts each file); at exit it writes the
 * samples as JSON to MEM_SAMPLE_FILE. scripts/bench/site.ts then names the routes being rendered when
 * memory peaked. Watching stdout here, rather than interleaving lines into the log, keeps Astro's own
 * lines whole (the time benchmark parses them).
 */
import { writeFileSync } from 'node:fs';

const file = process.env.MEM_SAMPLE_FILE;
if (file) {
  const every = Number(process.env.MEM_SAMPLE_MS ?? 250);
  let current = '（渲染之前：打包与 getStaticPaths）';
  const samples = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    // eslint-disable-next-line no-control-regex
    const m = /[├└]─ (\/\S*)/.exec(String(chunk).replace(/\x1b\[[0-9;]*m/g, ''));
    if (m) current = m[1];
    return write(chunk, ...rest);
  };
  setInterval(() => {
    const m = process.memoryUsage();
    samples.push([current, Math.round(m.rss / 1048576), Math.round(m.heapUsed / 1048576)]);
  }, every).unref();
  process.on('exit', () => writeFileSync(file, JSON.stringify(samples)));
}
