import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LokiLogSource } from '../../../src/integrations/loki/loki-log-source.js';
import { json, startTarget, type TargetServer } from '../../helpers/target-server.js';

const ns = (iso: string) => `${BigInt(Date.parse(iso)) * 1_000_000n}`;

/** Loki's query_range as it answers a stream selector: streams of [ns, line], newest first (backward). */
describe('loki log source (a fake Loki query_range)', () => {
  let loki: TargetServer;
  beforeAll(async () => {
    loki = await startTarget((req, res) => {
      const query = new URL(req.url!, 'http://x').searchParams.get('query');
      if (query === '{app="broken"')
        return json(res, 400, { status: 'error', error: 'parse error at line 1' });
      json(res, 200, {
        status: 'success',
        data: {
          resultType: 'streams',
          result: [
            {
              stream: { app: 'unjucks-api', pod: 'unjucks-api-7d9f-a' },
              values: [
                [ns('2026-01-05T08:00:03Z'), 'ERROR render failed'],
                [ns('2026-01-05T08:00:01Z'), 'GET /templates 200'],
              ],
            },
            {
              stream: { app: 'unjucks-api', pod: 'unjucks-api-7d9f-b' },
              values: [[ns('2026-01-05T08:00:02Z'), 'GET /health 200']],
            },
          ],
        },
      });
    });
  });
  afterAll(() => loki.close());

  it('asks for the window and limit, backward, and merges the streams oldest first', async () => {
    const source = new LokiLogSource({
      url: loki.url,
      query: '{app="unjucks-api"}',
      headers: { 'X-Scope-OrgID': 'unjucks' },
    });
    const before = Date.now();
    const lines = await source.read({ sinceSeconds: 3600, tail: 100 }, AbortSignal.timeout(5000));
    expect(lines).toEqual([
      '2026-01-05T08:00:01.000Z [unjucks-api-7d9f-a] GET /templates 200',
      '2026-01-05T08:00:02.000Z [unjucks-api-7d9f-b] GET /health 200',
      '2026-01-05T08:00:03.000Z [unjucks-api-7d9f-a] ERROR render failed',
    ]);
    const params = new URL(loki.requests.at(-1)!.path, 'http://x').searchParams;
    expect(params.get('query')).toBe('{app="unjucks-api"}');
    expect(Object.fromEntries(params)).toMatchObject({ limit: '100', direction: 'backward' });
    const window = BigInt(params.get('end')!) - BigInt(params.get('start')!);
    expect(window).toBe(3_600_000_000_000n);
    expect(Number(BigInt(params.get('end')!) / 1_000_000n)).toBeGreaterThanOrEqual(before);
  });

  it('says what Loki said about a bad query', async () => {
    const source = new LokiLogSource({ url: loki.url, query: '{app="broken"', headers: {} });
    await expect(source.read({ sinceSeconds: 60, tail: 10 }, AbortSignal.timeout(5000))).rejects.toThrow(
      'loki answered HTTP 400: parse error at line 1',
    );
  });
});
