// A whole-page screenshot with every lazy image loaded: bench/images.py runs it.
// Usage: node shot.mjs URL OUT.png WIDTH HEIGHT DPR
import { chromium } from 'playwright-core';

const [url, out, width, height, dpr] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({
    viewport: { width: +width, height: +height }, deviceScaleFactor: +dpr, serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // Scroll through the page so lazy images start, then wait until every one has decoded.
  const tall = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < tall; y += +height / 2) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 30000 });
  await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode().catch(() => null))));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: out, fullPage: true });
} finally {
  await browser.close();
}
