import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../scripts/lib/chromium-flags.ts';

/**
 * The system Chromium (Debian package `chromium`), or the binary named by CHROMIUM_PATH.
 * Missing Chromium is an error with the install command, never a silent skip.
 */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} 不存在。请指向 Chromium 可执行文件。`);
    return fromEnv;
  }
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error(
    '找不到 Chromium，浏览器测试无法运行。请安装 Debian 软件包：sudo apt-get update && sudo apt-get install -y chromium\n' +
      '或设置环境变量 CHROMIUM_PATH 指向 Chromium 可执行文件。',
  );
}


export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });
}
