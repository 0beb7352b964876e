import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';
import { INCIDENT_CONFIG, MONDAY_10 } from './config.js';

const ada = { id: 'U0ADA', name: 'ada' };

/** `/status`, `/status.json` and `/status.atom` over the bot's HTTP port: only public updates show. */
describe('the public status page', () => {
  let h: HttpBotHarness;
  const clock = new ManualClock(MONDAY_10);
  const get = async (path: string) => {
    const response = await fetch(`${h.url}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };
  const settled = (n: number) =>
    pollUntil(async () => (await h.bot.services.incidents.pendingSteps(n)) === 0, {
      what: 'the incident steps',
      timeoutMs: 15_000,
      intervalMs: 30,
    });

  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(`${INCIDENT_CONFIG}
statusPage:
  enabled: true
  title: Unjucks status
  components:
    - { name: Checkout & payments, services: [checkout] }
    - { name: Search, services: [search] }
`),
      clock,
    });
    await h.command('incident declare P1 checkout <b>is</b> failing', ada);
    await h.command('incident declare P2 --private leaked token', ada);
    await settled(1);
    await h.command('incident update 1 identified internal: the db primary is full', ada);
    const { reply } = await h.command(
      'incident update 1 monitoring Payments work again <script>alert(1)</script> --public',
      ada,
    );
    expect(String(reply.text)).toContain('also on the public status page');
  });
  afterAll(() => h.close());

  it('serves the JSON with components, the open incident and only its public update', async () => {
    const { status, type, body } = await get('/status.json');
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    const model = JSON.parse(body);
    expect(model.title).toBe('Unjucks status');
    expect(model.components.map((c: { name: string }) => c.name)).toEqual(['Checkout & payments', 'Search']);
    expect(model.components[0].state).toBe('outage');
    expect(model.incidents).toHaveLength(1);
    expect(model.incidents[0].updates).toEqual([
      { at: MONDAY_10.toISOString(), text: 'monitoring: Payments work again <script>alert(1)</script>' },
    ]);
    expect(body).not.toContain('db primary');
    expect(body).not.toContain('leaked token');
  });

  it('escapes user text in the HTML and the Atom feed', async () => {
    const html = await get('/status');
    expect(html.type).toContain('text/html');
    expect(html.body).toContain('checkout &lt;b&gt;is&lt;/b&gt; failing');
    expect(html.body).toContain('Payments work again &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.body).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
    const atom = await get('/status.atom');
    expect(atom.type).toContain('application/atom+xml');
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(atom.body).toContain('<id>urn:bers-bot:incident:1</id>');
    expect(atom.body).toContain('&lt;script&gt;');
  });

  it('lets browsers and proxies cache it: Cache-Control, an ETag per format, 304 on If-None-Match', async () => {
    const etags = new Set<string>();
    for (const path of ['/status', '/status.json', '/status.atom']) {
      const first = await fetch(`${h.url}${path}`);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('public, max-age=30');
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]{16}-(html|json|atom)"$/);
      etags.add(etag);
      const again = await fetch(`${h.url}${path}`, { headers: { 'if-none-match': `"other", ${etag}` } });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('public, max-age=30');
      expect(await again.text()).toBe('');
      const stale = await fetch(`${h.url}${path}`, {
        headers: { 'if-none-match': '"0000000000000000-html"' },
      });
      expect(stale.status).toBe(200);
      expect((await stale.text()).length).toBeGreaterThan(0);
    }
    expect(etags.size).toBe(3);
  });

  it('renders again only when something changed, and moves a resolved incident to the history', async () => {
    const page = h.bot.services.statusPage;
    const first = await page.render();
    expect(await page.render()).toBe(first);
    await h.command('incident resolve 1 rolled back', ada);
    const after = await page.render();
    expect(after).not.toBe(first);
    expect(after.html).toContain('Resolved 2026-01-05 10:00 UTC');
    expect(after.html).not.toContain('Current incidents');
    // What was cached before the resolution is stale now: the old ETag gets the new page.
    const stale = await fetch(`${h.url}/status`, { headers: { 'if-none-match': `"${first.key}-html"` } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(`"${after.key}-html"`);
  });
});
