import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpChecker } from '../../../../src/health/checks/http-check.js';
import { json, startTarget, type TargetServer } from '../../../helpers/target-server.js';
import { checkConfig, patient } from './check-config.js';

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
