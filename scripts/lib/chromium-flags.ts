/**
 * Flags for the system Chromium on a closed network and as root in CI: no sandbox (root), no GPU, and
 * none of the background connections that fail noisily without the internet. Shared by the browser
 * tests and the Lighthouse benchmark.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
] as const;
