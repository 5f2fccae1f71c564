// Browser checks for bench/site_quality.py: axe-core, requests leaving the site,
// overflow at 320 px, screenshots, then Lighthouse (mobile) — all in ONE Chromium.
//
// Usage: node check.mjs JOBS.json OUTDIR   (JOBS: [{"id": "...", "url": "http://127.0.0.1:PORT/"}])
// Writes one JSON line per site and phase to stdout; progress goes to stderr.
import { readFileSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const WIDTHS = [360, 768, 1280];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const [jobsPath, outDir] = process.argv.slice(2);
const jobs = JSON.parse(readFileSync(jobsPath, 'utf8'));
const only = (process.env.PHASES || 'browser,lighthouse').split(',');
const emit = (record) => process.stdout.write(JSON.stringify(record) + '\n');

const userDataDir = mkdtempSync(join(tmpdir(), 'pm-quality-'));
const chrome = await chromeLauncher.launch({
  chromePath: CHROME,
  chromeFlags: FLAGS,
  userDataDir,
  ignoreDefaultFlags: false,
  logLevel: 'silent',
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    chrome.kill().finally(() => {
      rmSync(userDataDir, { recursive: true, force: true });
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  });
}

async function browserChecks() {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  mkdirSync(outDir, { recursive: true });
  for (const job of jobs) {
    const origin = new URL(job.url).origin;
    const page = await context.newPage();
    const foreign = new Set();
    const consoleErrors = [];
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith('data:') && new URL(url).origin !== origin) foreign.add(url);
    });
    page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
    page.on('pageerror', (err) => consoleErrors.push(String(err)));

    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(job.url, { waitUntil: 'load' });
    const overflow320 = await page.evaluate(() => {
      const root = document.documentElement;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
    });

    await page.setViewportSize({ width: 360, height: 800 });
    await page.evaluate(AXE_SOURCE); // through CDP, so the page's strict CSP stays in force
    const axe = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id, impact: v.impact, nodes: v.nodes.length,
        target: v.nodes.slice(0, 2).map((n) => n.target.join(' ')),
        summary: v.nodes[0] && v.nodes[0].failureSummary,
      }));
    });

    const lcp = await lcpImage(browser, job.url);

    const shots = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const file = join(outDir, `${job.id}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
    }
    await page.close();
    emit({ id: job.id, phase: 'browser', axe, foreign: [...foreign], consoleErrors, overflow320, shots, lcp });
    process.stderr.write(`browser ${job.id}: ${axe.length} axe violations\n`);
  }
  await context.close();
  await browser.close().catch(() => {});
}

// The page's LCP element on Lighthouse's mobile device (412 x 823 CSS px, DPR 1.75): when it is a
// picture, which file the browser chose, its type and width, and the widths it could have chosen.
async function lcpImage(browser, url) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const types = new Map();
  page.on('response', (response) => types.set(response.url(), response.headers()['content-type'] || ''));
  await page.goto(url, { waitUntil: 'networkidle' });
  // every picture in view painted (a lazy one included), so the last LCP entry is the final one
  await page.waitForFunction(() => [...document.images].filter((i) => i.getBoundingClientRect().top < innerHeight).every((i) => i.complete));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const found = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      const element = entries.length ? entries[entries.length - 1].element : null;
      if (!element || element.tagName !== 'IMG') { resolve({ tag: element ? element.tagName : null }); return; }
      const source = [...(element.parentElement.tagName === 'PICTURE' ? element.parentElement.children : [])]
        .find((s) => s.tagName === 'SOURCE' && s.srcset.split(',').some((c) => new URL(c.trim().split(' ')[0], location.href).href === element.currentSrc));
      const offered = (source ? source.srcset : element.srcset || '').split(',').map((c) => c.trim().split(/\s+/))
        .map(([href, w]) => [new URL(href, location.href).href, parseInt(w, 10)]).filter(([, w]) => w > 0);
      const candidates = offered.map(([, w]) => w);
      const chosen = offered.find(([href]) => href === element.currentSrc);
      resolve({
        tag: 'IMG', url: element.currentSrc, chosenWidth: chosen ? chosen[1] : null, cssWidth: element.getBoundingClientRect().width,
        dpr: window.devicePixelRatio, candidates, fetchpriority: element.getAttribute('fetchpriority'), loading: element.loading,
      });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  if (found.url) found.type = types.get(found.url) || '';
  await context.close();
  return found;
}

async function lighthouseChecks() {
  for (const job of jobs) {
    const started = Date.now();
    const runner = await lighthouse(job.url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
      formFactor: 'mobile',
    });
    const lhr = runner.lhr;
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, lhr.categories[c].score === null ? null : Math.round(lhr.categories[c].score * 100)]),
    );
    const failing = [];
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failing.push(`${ref.id}=${audit.score}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
    }
    emit({
      id: job.id, phase: 'lighthouse', scores, failing,
      runtimeError: lhr.runtimeError ? lhr.runtimeError.message : null,
      warnings: lhr.runWarnings,
    });
    process.stderr.write(`lighthouse ${job.id}: ${JSON.stringify(scores)} in ${Date.now() - started} ms\n`);
  }
}

try {
  if (only.includes('browser')) await browserChecks();
  if (only.includes('lighthouse')) await lighthouseChecks();
} finally {
  await chrome.kill();
  rmSync(userDataDir, { recursive: true, force: true });
}
