import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium.ts';

/**
 * Serves the built site (dist/) with `astro preview` on a free local port for the browser tests.
 * The build itself is a separate step of `npm test`, so a build failure is reported as such.
 */
let server: ChildProcess | undefined;

export async function setup(project: TestProject) {
  chromiumPath(); // fail early, with the install command, if Chromium is missing
  if (!existsSync('dist/index.html')) throw new Error('dist/ 不存在：浏览器测试前须先构建（npm run build）。');
  const port = 4400 + Math.floor(Math.random() * 500);
  server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(base + '/');
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`预览服务器 60 秒内未启动（${base}）`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', base);
}

export async function teardown() {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
