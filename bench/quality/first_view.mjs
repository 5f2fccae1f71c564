// Bytes a phone downloads for a page: bench/images.py runs it.
// Usage: node first_view.mjs URL WIDTH HEIGHT DPR
//   -> one JSON line {first: {total, requests}, whole: {total, requests}, lcp, loaded}
// "first": what the first view downloads (no scrolling); "whole": after scrolling to the end, every
// lazy image loaded. requests: [[url, bytes (headers + body), resource type]].
import { chromium } from 'playwright-core';

const [url, width, height, dpr] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({
    viewport: { width: +width, height: +height }, deviceScaleFactor: +dpr, isMobile: true, hasTouch: true,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const requests = [];
  const pending = new Set();
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) requests.push([request.url(), sizes.responseBodySize + sizes.responseHeadersSize, request.resourceType()]);
    pending.delete(request);
  });
  page.on('requestfailed', (request) => pending.delete(request));
  const settled = async () => {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => [...document.images].filter((i) => i.loading !== 'lazy' || i.getBoundingClientRect().top < innerHeight).every((i) => i.complete));
    while (pending.size) await page.waitForTimeout(20);
  };
  await page.goto(url, { waitUntil: 'load' });
  await settled();
  const lcp = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      const last = entries[entries.length - 1];
      resolve(last ? { url: last.url || null, element: last.element ? last.element.tagName : null } : null);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  const first = [...requests];
  const tall = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= tall; y += +height / 2) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(30);
  }
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await settled();
  const loaded = await page.evaluate(() => [...document.images].filter((i) => i.complete && i.currentSrc).map((i) => i.currentSrc));
  const sum = (list) => list.reduce((a, r) => a + r[1], 0);
  process.stdout.write(JSON.stringify({
    first: { total: sum(first), requests: first }, whole: { total: sum(requests), requests }, lcp, loaded,
  }) + '\n');
} finally {
  await browser.close();
}
