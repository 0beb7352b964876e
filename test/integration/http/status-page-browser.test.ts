import { existsSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';

const CHROMIUM = '/usr/bin/chromium';
const ada = { id: 'U0ADA', name: 'ada' };

/**
 * The status page in a real headless browser (Debian's Chromium via playwright-core), on a
 * phone-sized viewport. A laptop without Chromium skips this file; CI (which installs it) never does.
 */
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the status page in a browser', () => {
  let h: HttpBotHarness;
  // biome-ignore lint/suspicious/noExplicitAny: playwright-core is loaded only when this file runs.
  let browser: any;

  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: checkout
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
statusPage: { enabled: true, title: Unjucks status }
`),
    });
    await h.command('incident declare P1 checkout is failing for some EU customers since the deploy', ada);
    await pollUntil(async () => (await h.bot.services.incidents.pendingSteps(1)) === 0, {
      what: 'the declare',
      timeoutMs: 15_000,
      intervalMs: 30,
    });
    await h.command(
      'incident update 1 identified A bad release of checkout; we are rolling it back now --public',
      ada,
    );
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('renders on a phone without horizontal scrolling, with the incident and its public update', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 1 });
    const requests: string[] = [];
    page.on('request', (r: { url(): string }) => requests.push(r.url()));
    const response = await page.goto(`${h.url}/status`);
    expect(response.status()).toBe(200);
    expect(await page.title()).toBe('Unjucks status');
    expect(await page.locator('h1').innerText()).toBe('Unjucks status');
    expect(await page.locator('.banner').innerText()).toBe('1 open incident');
    const incident = page.locator('article#incident-1');
    expect(await incident.innerText()).toContain('we are rolling it back now');
    // Evaluated in the page (a string: this project's TypeScript has no DOM types).
    const widths = await page.evaluate(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    );
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    // One request: no fonts, scripts or images from anywhere else.
    expect(requests).toEqual([`${h.url}/status`]);

    const png = PNG.sync.read(await page.screenshot({ fullPage: false }));
    expect([png.width, png.height]).toEqual([375, 740]);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97) {
      colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
    }
    // Not a blank page: the banner, the text and the cards make many colours.
    expect(colours.size).toBeGreaterThan(20);
    await page.close();
  });
});
