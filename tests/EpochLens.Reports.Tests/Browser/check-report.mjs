// Opens an EpochLens HTML report in Debian's Chromium through playwright-core and prints, as one JSON line, what
// it saw: every figure's box on screen and in print, console messages, page errors, dialogs (an injected script
// would open one), script elements, and every request the page made. The C# test decides what passes.
// Usage: node check-report.mjs REPORT.html OUTPUT_DIR [CHROMIUM]
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [report, outputDir, executable = '/usr/bin/chromium'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'], headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const seen = { consoleErrors: [], consoleMessages: [], pageErrors: [], requests: [], dialogs: [] };
  page.on('console', m => {
    seen.consoleMessages.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') seen.consoleErrors.push(m.text());
  });
  page.on('pageerror', e => seen.pageErrors.push(String(e)));
  page.on('request', r => seen.requests.push(r.url()));
  page.on('dialog', d => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });

  const url = pathToFileURL(path.resolve(report)).href;
  await page.goto(url, { waitUntil: 'load' });

  const figures = () => page.$$eval('figure[data-figure]', elements => elements.map(figure => {
    const svg = figure.querySelector('svg');
    const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    return {
      id: figure.id,
      figure: figure.dataset.figure,
      width: box.width,
      height: box.height,
      visible: svg ? svg.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : false,
      drawn: svg ? svg.querySelectorAll('path, text').length : 0,
      caption: figure.querySelector('figcaption')?.textContent ?? '',
    };
  }));

  const screen = await figures();
  const title = await page.title();
  const headings = await page.$$eval('h2', elements => elements.map(h => h.textContent ?? ''));
  const scripts = await page.$$eval('script', s => s.length);
  const verdict = await page.$eval('.verdict', v => v.textContent ?? '').catch(() => '');
  const screenshot = path.join(outputDir, 'report-screen.png');
  await page.screenshot({ path: screenshot, fullPage: true });

  await page.emulateMedia({ media: 'print' });
  const print = await figures();
  const printShot = path.join(outputDir, 'report-print.png');
  await page.screenshot({ path: printShot, fullPage: true });
  const pdf = path.join(outputDir, 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });

  console.log(JSON.stringify({ url, title, headings, verdict, scripts, screen, print, screenshot, printShot, pdf, ...seen }));
} finally {
  await browser.close();
}
