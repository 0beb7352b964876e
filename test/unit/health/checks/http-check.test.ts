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

/** The Unjucks template smoke test: generate a template, check what comes back. */
describe('http check with a request body', () => {
  let target: TargetServer;
  let contentType: string | undefined;
  beforeAll(async () => {
    target = await startTarget((req, res, body) => {
      contentType = req.headers['content-type'];
      const name = /"name":"([^"]+)"/.exec(body)?.[1];
      if (req.url === '/api/generate' && name) return json(res, 200, { files: [`${name}.ts`], dryRun: true });
      json(res, 422, { error: 'name is required' });
    });
  });
  afterAll(() => target.close());

  const check = (extra: Record<string, unknown>) =>
    httpChecker(
      checkConfig({ kind: 'http', url: `${target.url}/api/generate`, method: 'POST', ...extra }),
    ).check(patient());

  it('POSTs the body as JSON and matches the response', async () => {
    const result = await check({
      body: '{"template":"test-template","name":"HealthCheck","dryRun":true}',
      bodyMatch: '/"files":\\["HealthCheck\\.ts"\\]/',
    });
    expect(result).toMatchObject({ status: 'healthy', reason: 'HTTP 200' });
    expect(JSON.parse(target.requests.at(-1)!.body)).toEqual({
      template: 'test-template',
      name: 'HealthCheck',
      dryRun: true,
    });
    expect(contentType).toBe('application/json');
  });

  it('is unhealthy when generation fails or the output is not what was expected', async () => {
    expect(await check({ body: '{}' })).toMatchObject({ status: 'unhealthy', reason: 'HTTP 422' });
    const wrong = await check({ body: '{"name":"Other"}', bodyMatch: 'HealthCheck.ts' });
    expect(wrong).toMatchObject({
      status: 'unhealthy',
      reason: 'HTTP 200, body does not match HealthCheck.ts',
    });
  });

  it('keeps a configured content type', async () => {
    await check({
      body: 'name=HealthCheck',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(contentType).toBe('application/x-www-form-urlencoded');
  });
});
