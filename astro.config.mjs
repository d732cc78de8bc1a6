// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkGfm from 'remark-gfm';
import { unified } from '@astrojs/markdown-remark';

// Static output only: the site must work from any intranet file server, with no request to another host.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx()],
  // GFM tables in the MDX overviews; no syntax highlighting needed (and Shiki's inline styles would break the CSP).
  markdown: { processor: unified({ remarkPlugins: [remarkGfm] }), syntaxHighlight: false },
  devToolbar: { enabled: false },
  security: {
    // Astro hashes every script and style it emits into a <meta> CSP. Search runs in plain JavaScript
    // (no WebAssembly, no blob: worker), so scripts come from this site only; nothing may load from elsewhere.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
