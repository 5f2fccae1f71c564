// Bytes a phone downloads for the first view of a page (no scrolling): bench/images.py runs it.
// Usage: node first_view.mjs URL WIDTH HEIGHT DPR  -> one JSON line {total, requests: [[url, bytes, type]]}
import { chromium } from 'playwright-core';

const [url, width, height, dpr] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({
  viewport: { width: +width, height: +height }, deviceScaleFactor: +dpr, isMobile: true, hasTouch: true,
  serviceWorkers: 'block',
});
const page = await context.newPage();
const requests = [];
page.on('requestfinished', async (request) => {
  const sizes = await request.sizes().catch(() => null);
  if (sizes) requests.push([request.url(), sizes.responseBodySize + sizes.responseHeadersSize, request.resourceType()]);
});
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(300);
const lcp = await page.evaluate(() => new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    const last = entries[entries.length - 1];
    resolve(last ? { url: last.url || null, size: last.size, element: last.element ? last.element.tagName : null } : null);
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => resolve(null), 1000);
}));
const current = await page.evaluate(() => [...document.querySelectorAll('img')].filter((i) => i.complete && i.currentSrc).map((i) => i.currentSrc));
process.stdout.write(JSON.stringify({ total: requests.reduce((a, r) => a + r[1], 0), requests, lcp, loaded: current }) + '\n');
await browser.close();
