/**
 * Build benchmark on the real corpus: full build time and peak memory, page count, search index size,
 * bytes a search costs, and the JavaScript each kind of page ships.
 *
 * The build runs in a temporary copy of the project (see scripts/bench/site.ts), so it neither disturbs
 * nor is disturbed by anyone using dist/ in the working tree, and it starts cold.
 *
 * Usage: tsx scripts/bench-build.ts
 * BENCH_KEEP_SITE=<dir>: keep the built dist there (bench-all hands it to bench-lighthouse).
 */
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { jsByKind } from './bench/page-js.ts';
import { measureQueryBytes, type Transfer } from './bench/query-bytes.ts';
import { fmtKB, fmtMB, fmtMs, header, loadWarning, Reporter } from './bench/report.ts';
import { buildSite, copyProject, walk } from './bench/site.ts';

const BUILD_BUDGET_MS = 20_000;
const SELF_CHECK_BUDGET = 40 * 1024;

function transferLine(t: Transfer): string {
  const kinds = Object.entries(t.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fmtKB(v)}`)
    .join('，');
  return `${t.requests} 个请求；按类型：${kinds || '无'}`;
}

async function main(): Promise<number> {
  header('bench-build：真实语料构建');
  const r = new Reporter('bench-build');
  const copy = copyProject('real', true);
  try {
    const policies = readdirSync(`${copy.dir}/policies`, { withFileTypes: true }).filter((d) => d.isDirectory()).length;
    console.log(`构建 ${policies} 份真实政策（临时副本 ${copy.dir}）…`);
    const b = await buildSite(copy.dir, { progress: true });
    if (!b.ok) {
      r.fail(`构建失败，无法测量。\n${b.failure ?? ''}`);
      return r.finish();
    }
    const cpu = b.cpuMs === null ? '' : `，CPU 时间 ${fmtMs(b.cpuMs)}`;
    r.add({
      label: '真实语料完整构建时间（astro build，含搜索索引）',
      value: fmtMs(b.totalMs),
      budget: '≤ 20 s（2 核）',
      met: b.totalMs <= BUILD_BUDGET_MS,
      note: `astro build ${fmtMs(b.astro.wallMs)}${cpu}；搜索索引由 src/pages/search/index.json.ts 在构建中生成；冷构建（无内容缓存）。${loadWarning() ?? ''}`,
    });
    if (b.cpuMs !== null) {
      r.add({ label: '真实语料构建 CPU 时间（user+sys）', value: fmtMs(b.cpuMs), budget: '—', met: null, note: 'astro build 进程树的 user+sys（/usr/bin/time）；其他进程争用 CPU 时墙钟时间变长，CPU 时间基本不变' });
    }
    r.add({
      label: '构建峰值内存',
      value: `${fmtMB(b.peakTreeRssBytes)}（进程树合计）`,
      budget: '—',
      met: null,
      note: b.maxRssBytes === null ? '（无 /usr/bin/time，未测单进程峰值）' : `单进程峰值 ${fmtMB(b.maxRssBytes)}（/usr/bin/time -v）；进程树合计为每 100 ms 采样 /proc 的最大值`,
    });
    const searchIndex = JSON.parse(readFileSync(join(b.distDir, 'search', 'index.json'), 'utf8')) as { docs: unknown[] };
    r.add({ label: '页面数（dist 中的 HTML）', value: String(b.htmlPages), budget: '—', met: null, note: `搜索索引含 ${searchIndex.docs.length} 个结果页（方向、专项、联系人、政策、原文、时间线、比较、目录）` });

    // Page weight matters on slow links as much as JS: list the heaviest HTML pages (gzip as served).
    const html: Array<{ path: string; size: number }> = [];
    walk(b.distDir, (p, size) => {
      if (p.endsWith('.html')) html.push({ path: '/' + relative(b.distDir, p).replace(/index\.html$/, ''), size });
    });
    const heaviest = html.sort((x, y) => y.size - x.size).slice(0, 4);
    const gz = (path: string) => gzipSync(readFileSync(join(b.distDir, path, path.endsWith('.html') ? '' : 'index.html'))).length;
    r.add({ label: '最大的 HTML 页面', value: heaviest.map((h) => `${h.path} ${fmtKB(h.size)}（gz ${fmtKB(gz(h.path))}）`).join('；'), budget: '—', met: null });

    const indexFile = join(b.distDir, 'search', 'index.json');
    r.add({ label: '搜索索引大小（/search/index.json）', value: `${fmtKB(statSync(indexFile).size)}（gzip ${fmtKB(gzipSync(readFileSync(indexFile)).length)}）`, budget: '—', met: null, note: '索引、结果卡片和词典在一个文件里，搜索页加载时取一次；之后每次查询不再请求网络（见 bench-search）' });

    console.log('\n搜索传输量（Chromium 打开 /search/，加载完成后输入查询）…');
    let searchJsLoaded: number | undefined;
    try {
      const q = await measureQueryBytes(b.distDir, '煤矸石');
      searchJsLoaded = q.pageLoad.byKind.js;
      r.add({ label: '搜索页加载传输量', value: `${fmtKB(q.pageLoad.bytes)}（文本经 gzip 约 ${fmtKB(q.pageLoad.gzBytes)}）`, budget: '—', met: null, note: transferLine(q.pageLoad) });
      r.add({ label: `一次查询“${q.query}”的传输量`, value: `${fmtKB(q.search.bytes)}（文本经 gzip 约 ${fmtKB(q.search.gzBytes)}）`, budget: '—', met: null, note: `${transferLine(q.search)}；结果：${q.results}` });
    } catch (e) {
      r.fail(`搜索传输量测量失败：${(e as Error).message}`);
    }

    console.log('\n各类页面的 JavaScript（gzip，每个文件单独压缩；同类页面取最重的一页）…');
    for (const k of jsByKind(b.distDir)) {
      if (!k.worst) {
        r.add({ label: `JS：${k.kind.label}`, value: '页面不存在', budget: k.kind.content ? '自有 JS 0 KB' : k.kind.key === 'self-check' ? '≤ 40 KB gz' : '—', met: null });
        continue;
      }
      const w = k.worst;
      const files = [...w.files, ...w.liveFiles.map((f) => `${f}（实时截止状态）`), ...w.lazyFiles.map((f) => `${f}（按需）`)];
      const detail = `最重一页 ${w.page}（共 ${k.pages} 页，${k.withLive} 页带实时截止状态脚本）；文件：${files.length ? files.join('，') : '无'}`;
      if (k.kind.content) {
        r.add({
          label: `JS：${k.kind.label}（自有）`,
          value: `${fmtKB(w.ownGz)} gz；实时截止状态脚本 ${fmtKB(w.liveGz)} gz`,
          budget: '自有 JS 0 KB（实时截止状态脚本除外）',
          met: w.ownGz === 0,
          note: detail,
        });
      } else if (k.kind.key === 'self-check') {
        const all = w.ownGz + w.liveGz + w.lazyGz;
        r.add({ label: `JS：${k.kind.label}`, value: `${fmtKB(all)} gz（静态 ${fmtKB(w.ownGz + w.liveGz)} + 按需 ${fmtKB(w.lazyGz)}）`, budget: '≤ 40 KB gz', met: all <= SELF_CHECK_BUDGET, note: `${detail}。不含数据文件（JSON）。` });
      } else {
        const measured = k.kind.key === 'search' && searchJsLoaded !== undefined ? `；Chromium 实测加载时共取 JS ${fmtKB(searchJsLoaded)}（未压缩）` : '';
        r.add({ label: `JS：${k.kind.label}`, value: `${fmtKB(w.ownGz + w.liveGz)} gz（另按需 ${fmtKB(w.lazyGz)}）`, budget: '—', met: null, note: detail + measured });
      }
    }

    const keep = process.env.BENCH_KEEP_SITE;
    if (keep) {
      cpSync(b.distDir, keep, { recursive: true });
      console.log(`\n构建结果已复制到 ${relative(process.cwd(), keep) || keep}`);
    }
  } finally {
    copy.dispose();
  }
  return r.finish();
}

process.exitCode = await main();
