/**
 * The HTML report as a manager opens it: from disk, in a real (headless) Chromium. The page must draw every
 * chart without a script or a network request. Where Chromium is missing the test is skipped with a loud
 * message — except in CI (.ci/run installs Debian's chromium), where a missing browser fails.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { reportRecords } from '../../src/cli/input.js';
import { parseDataset } from '../../src/models/index.js';
import { renderHtml, reportCollector } from '../../src/report/index.js';
import { generateDataset } from '../../src/testing/index.js';

const CHROMIUM = process.env.SUPPORTKIT_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  const message = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set SUPPORTKIT_CHROMIUM)`;
  if (process.env.CI) throw new Error(`${message}. CI must run the browser test.`);
  console.warn(`\n*** SKIPPED: ${message} ***\n`);
}

/** Mean and variance of the pixels' luminance in a PNG, decoded by the browser itself on a blank page. */
async function luminanceStats(page: import('playwright-core').Page, png: Buffer) {
  // A string, evaluated in the page: this project compiles without the DOM library.
  const decode = `(async () => {
    const image = new Image();
    image.src = 'data:image/png;base64,${png.toString('base64')}';
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let sum = 0;
    let squares = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      sum += y;
      squares += y * y;
    }
    const mean = sum / n;
    return { mean, variance: squares / n - mean * mean };
  })()`;
  return (await page.evaluate(decode)) as { mean: number; variance: number };
}

describe.runIf(available)('the HTML report in headless Chromium', { timeout: 120_000 }, () => {
  it('draws every chart (non-blank pixels), opens from disk and makes no network request', async () => {
    const dataset = parseDataset(
      JSON.parse(
        JSON.stringify(
          generateDataset({
            seed: 2026,
            tickets: 1500,
            days: 63,
            startDate: '2026-01-05',
            timeZone: 'Europe/Rome',
          }),
        ),
      ),
    );
    const collector = reportCollector({
      asOf: dataset.asOf!,
      timeZone: 'Europe/Rome',
      recentPeriods: 2,
      source: 'demo helpdesk',
      ticketMemory: Number.POSITIVE_INFINITY,
    });
    for (const record of reportRecords(dataset)) collector.push(record);
    const dir = mkdtempSync(join(tmpdir(), 'supportkit-browser-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(collector.finish()));

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') violations.push(message.text());
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // The document itself is the only thing loaded: no font, image, script or stylesheet from anywhere.
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(violations).toEqual([]);

      const charts = await page.locator('svg.chart').all();
      expect(charts.length).toBeGreaterThanOrEqual(10);
      const blank = await browser.newPage();
      for (const chart of charts) {
        const box = await chart.boundingBox();
        expect(box!.width).toBeGreaterThan(200);
        expect(box!.height).toBeGreaterThan(20);
        const stats = await luminanceStats(blank, await chart.screenshot());
        // A blank white area has variance 0; bars, lines and labels on white give hundreds or more.
        expect(stats.variance).toBeGreaterThan(100);
      }
      // Each chart has its data table.
      expect(await page.locator('figure + details table').count()).toBe(charts.length);

      await page.evaluate('window.scrollTo(0, 0)'); // the element screenshots scrolled it
      const shot = await page.screenshot({ fullPage: false });
      expect((await luminanceStats(blank, shot)).variance).toBeGreaterThan(100);
      if (process.env.SUPPORTKIT_UPDATE_SCREENSHOT) {
        mkdirSync(join(import.meta.dirname, '../../docs/images'), { recursive: true });
        writeFileSync(join(import.meta.dirname, '../../docs/images/report.png'), shot);
      }
    } finally {
      await browser.close();
    }
  });
});
