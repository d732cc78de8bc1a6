import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium.ts';
import { serveStatic } from './static-server.ts';
import { DIST } from './site-files.ts';

/**
 * Serves the built site (dist/) on a free local port for the browser tests. The build itself is a
 * separate step of `npm test`, so a build failure is reported as such.
 */
let server: Server | undefined;

export async function setup(project: TestProject) {
  chromiumPath(); // fail early, with the install command, if Chromium is missing
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`${DIST}/ 不存在：浏览器测试前须先构建（npm run build）。`);
  const started = await serveStatic(DIST);
  server = started.server;
  project.provide('baseUrl', started.url);
}

export async function teardown() {
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
