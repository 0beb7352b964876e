import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { json, startTarget, type TargetServer } from '../../helpers/target-server.js';

const SERVICES = 5000;
/** Every hundredth service answers 503: 50 problems among 4,950 healthy services. */
const failing = (i: number) => i % 100 === 7;
const groups = ['payments', 'search', 'checkout', 'media', 'identity'];
const name = (i: number) => `${groups[i % groups.length]}-svc-${i}`;

describe('/bers health over 5,000 services, over HTTP mode and a fake Slack that refuses oversize messages', () => {
  let target: TargetServer;
  let h: HttpBotHarness;
  beforeAll(async () => {
    target = await startTarget((req, res) => {
      const i = Number(/^\/svc\/(\d+)$/.exec(req.url ?? '')?.[1]);
      json(res, failing(i) ? 503 : 200, { status: failing(i) ? 'down' : 'ok' });
    });
    const services = Array.from(
      { length: SERVICES },
      (_, i) =>
        `  - name: ${name(i)}\n    checks: [{ name: api, kind: http, url: "${target.url}/svc/${i}" }]\n`,
    ).join('');
    h = await startHttpBot({
      config: configFrom(`services:\n${services}health: { timeoutMs: 20000, deadlineMs: 30000 }\n`),
    });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await target?.close();
  });

  it('answers problems first with their reasons, the healthy ones by group, and every service in a file', async () => {
    const { responseId } = await h.send('health');
    // Generous: 5,000 checks on a loaded 2-core machine. A refused reply never arrives, so this
    // also proves Slack would accept it.
    const reply = await h.slack.waitFor(() => h.slack.responsesTo(responseId)[0], 90_000, 'the health reply');
    const text = JSON.stringify(reply.blocks);
    expect(reply.text).toContain('4950 healthy · 50 unhealthy');
    expect(text).toContain(`*${name(7)}* unhealthy`);
    expect(text).toContain('api: HTTP 503');
    expect(text.indexOf('*Problems*')).toBeLessThan(text.indexOf('*Healthy, by group*'));
    expect(text).toContain('*payments* 1000 healthy');
    expect(text).toContain('*checkout* 950 healthy');
    expect(text).toMatch(/Every service is in `health-[\d-]+\.txt`, uploaded to this channel/);
    const upload = await h.slack.waitFor(() => h.slack.uploads[0], 30_000, 'the uploaded list');
    const rows = upload.bytes.toString('utf8').trim().split('\n').slice(1);
    expect(rows).toHaveLength(SERVICES);
    expect(rows.slice(0, 50).every((r) => r.startsWith('unhealthy'))).toBe(true);
    expect(h.slack.liveMarkup()).toEqual([]);
  }, 150_000);
});
