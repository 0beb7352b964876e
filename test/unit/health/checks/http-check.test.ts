import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpChecker } from '../../../../src/health/checks/http-check.js';
import { json, refusedPort, startTarget, type TargetServer } from '../../../helpers/target-server.js';
import { checkConfig, patient } from './check-config.js';

describe('http check', () => {
  let target: TargetServer;
  beforeAll(async () => {
    target = await startTarget((req, res) => {
      if (req.url === '/health') return json(res, 200, { status: 'ok', version: '2.1.0' });
      if (req.url === '/created') return json(res, 201, {});
      if (req.url === '/down') return json(res, 503, { status: 'down' });
      if (req.url === '/auth') return json(res, req.headers.authorization === 'Bearer t0k' ? 200 : 401, {});
      res.writeHead(404).end();
    });
  });
  afterAll(() => target.close());

  const check = (config: Record<string, unknown>) =>
    httpChecker(checkConfig({ kind: 'http', ...config } as { kind: 'http' })).check(patient());

  it('is healthy on 2xx and names the status code', async () => {
    expect(await check({ url: `${target.url}/health` })).toMatchObject({
      status: 'healthy',
      reason: 'HTTP 200',
    });
    expect((await check({ url: `${target.url}/created` })).status).toBe('healthy');
  });

  it('is unhealthy on other codes unless they are expected', async () => {
    expect(await check({ url: `${target.url}/down` })).toMatchObject({
      status: 'unhealthy',
      reason: 'HTTP 503',
    });
    expect((await check({ url: `${target.url}/down`, expectStatus: [503] })).status).toBe('healthy');
    expect((await check({ url: `${target.url}/created`, expectStatus: [200] })).status).toBe('unhealthy');
  });

  it('matches the body as text or /regex/', async () => {
    expect((await check({ url: `${target.url}/health`, bodyMatch: '"ok"' })).status).toBe('healthy');
    expect((await check({ url: `${target.url}/health`, bodyMatch: '/"version":"2\\.\\d+/' })).status).toBe(
      'healthy',
    );
    expect(await check({ url: `${target.url}/health`, bodyMatch: 'healthy' })).toMatchObject({
      status: 'unhealthy',
      reason: 'HTTP 200, body does not match healthy',
    });
  });

  it('sends the configured method and headers', async () => {
    expect(
      (await check({ url: `${target.url}/auth`, headers: { authorization: 'Bearer t0k' } })).status,
    ).toBe('healthy');
    await check({ url: `${target.url}/health`, method: 'HEAD' });
    expect(target.requests.at(-1)).toMatchObject({ method: 'HEAD', path: '/health' });
  });

  it('throws a connection error that names the cause', async () => {
    const port = await refusedPort();
    await expect(check({ url: `http://127.0.0.1:${port}/` })).rejects.toThrow(/ECONNREFUSED/);
  });
});
