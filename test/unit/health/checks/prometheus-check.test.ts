import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prometheusChecker } from '../../../../src/health/checks/prometheus-check.js';
import { healthProbes } from '../../../../src/wiring/health-probes.js';
import { json, refusedPort, startTarget, type TargetServer } from '../../../helpers/target-server.js';
import { checkConfig, patient } from './check-config.js';

const vector = (...series: [Record<string, string>, string][]) => ({
  status: 'success',
  data: { resultType: 'vector', result: series.map(([metric, v]) => ({ metric, value: [1700000000.5, v] })) },
});

/** The Prometheus HTTP API's answers (docs/querying/api.md) for the queries these tests send. */
const ANSWERS: Record<string, [number, unknown]> = {
  'up{job="api"}': [200, vector([{ __name__: 'up', job: 'api', instance: '10.0.0.1:3001' }, '1'])],
  'up{job="flaky"}': [
    200,
    vector(
      [{ __name__: 'up', job: 'flaky', instance: 'a:1' }, '1'],
      [{ __name__: 'up', job: 'flaky', instance: 'b:1' }, '0'],
    ),
  ],
  'up{job="gone"}': [200, vector()],
  error_rate: [200, vector([{ service: 'chat' }, '0.03'])],
  ratio: [200, vector([{}, 'NaN'])],
  'up[5m]': [200, { status: 'success', data: { resultType: 'matrix', result: [] } }],
  'scalar(1)': [200, { status: 'success', data: { resultType: 'scalar', result: [1700000000, '1'] } }],
  'up{': [
    400,
    {
      status: 'error',
      errorType: 'bad_data',
      error: 'invalid parameter "query": 1:4: parse error: unexpected end of input',
    },
  ],
  odd: [200, { status: 'success', data: { resultType: 'vector' } }],
};

describe('prometheus check', () => {
  let prometheus: TargetServer;
  beforeAll(async () => {
    prometheus = await startTarget((req, res, body) => {
      if (req.url !== '/api/v1/query') return json(res, 404, '404 page not found');
      const query = new URLSearchParams(body).get('query') ?? '';
      const [status, answer] = ANSWERS[query] ?? [500, 'not json'];
      json(res, status, answer);
    });
  });
  afterAll(() => prometheus.close());

  const check = (query: string, bounds: Record<string, unknown> = {}, url = prometheus.url) =>
    prometheusChecker(
      checkConfig({ kind: 'prometheus', url, query, ...bounds }),
      healthProbes.queryPrometheus,
    ).check(patient());

  it('is healthy when up{job="api"} is 1 (default bound: unhealthy below 1)', async () => {
    expect(await check('up{job="api"}')).toEqual({
      status: 'healthy',
      reason: '1 series within bounds (1)',
      details: { series: 1 },
    });
  });

  it('is unhealthy when any series is down, naming it', async () => {
    expect(await check('up{job="flaky"}')).toMatchObject({
      status: 'unhealthy',
      reason: '1 of 2 series: up{instance="b:1",job="flaky"} = 0 (< 1)',
    });
  });

  it('compares with custom unhealthy and degraded bounds', async () => {
    const bounds = { unhealthy: { above: 0.05 }, degraded: { above: 0.01 } };
    expect(await check('error_rate', bounds)).toMatchObject({
      status: 'degraded',
      reason: '1 of 1 series: {service="chat"} = 0.03 (> 0.01)',
    });
    expect((await check('error_rate', { unhealthy: { above: 0.02 } })).status).toBe('unhealthy');
    expect((await check('error_rate', { unhealthy: { above: 0.5 } })).status).toBe('healthy');
  });

  it('reads scalar answers', async () => {
    expect((await check('scalar(1)')).status).toBe('healthy');
  });

  it('is unknown when the query returns no series, or NaN', async () => {
    expect(await check('up{job="gone"}')).toEqual({ status: 'unknown', reason: 'query returned no series' });
    expect(await check('ratio')).toMatchObject({ status: 'unknown', reason: '1 of 1 series: {} = NaN' });
  });

  it("shows Prometheus's own error message", async () => {
    expect(await check('up{')).toEqual({
      status: 'unknown',
      reason: 'Prometheus: invalid parameter "query": 1:4: parse error: unexpected end of input',
    });
    expect((await check('up[5m]')).reason).toBe(
      'Prometheus: the query returns a range vector; use an instant expression',
    );
    expect((await check('odd')).reason).toBe('Prometheus: the answer has no result list');
    expect((await check('anything else')).reason).toBe(
      'Prometheus: Prometheus answered HTTP 500 without JSON',
    );
  });

  it('rejects when Prometheus itself is unreachable', async () => {
    const port = await refusedPort();
    await expect(check('up', {}, `http://127.0.0.1:${port}`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
