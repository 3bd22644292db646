// The portal home page's budget (a benchmark, not a test): the JavaScript it loads, gzip-compressed,
// and its first contentful paint in headless Chromium, cold (a new browser context each time).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const WEB_TARGETS = { jsGzipBytes: 250 * 1024, fcpMs: 1500 };
const RUNS = 7;

/** The JavaScript index.html loads up front (entry module and preloads), not the chunks loaded later. */
export async function homeJavaScript(distDir: string): Promise<{ file: string; bytes: number; gzipBytes: number }[]> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(join(distDir, file.replace(/^\//, '')));
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
    }),
  );
}

/** First contentful paint of `url`, in milliseconds, for each of RUNS cold loads. */
export async function firstContentfulPaints(url: string, executablePath: string): Promise<number[]> {
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const paints: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const fcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const perf = (globalThis as unknown as { performance: { getEntriesByName(name: string): { startTime: number }[] } }).performance;
            const found = () => perf.getEntriesByName('first-contentful-paint')[0]?.startTime;
            const check = () => {
              const value = found();
              if (value !== undefined) resolve(value);
              else setTimeout(check, 20);
            };
            check();
          }),
      );
      paints.push(fcp);
      await context.close();
    }
    return paints;
  } finally {
    await browser.close();
  }
}
