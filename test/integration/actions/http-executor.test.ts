import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpExecutor } from '../../../src/actions/executors/http-executor.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('http executor (a CI/CD webhook on 127.0.0.1)', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url?.startsWith('/slow')) return; // never answers
      const status = req.url?.startsWith('/broken') ? 500 : 202;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ pipeline: 7781, status: status === 202 ? 'queued' : 'boom' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const step = (path: string, extra: object = {}) => ({
    method: 'POST' as const,
    url: `${base}${path}`,
    headers: { authorization: 'Bearer s3cret', 'content-type': 'application/json' },
    expectStatus: [200, 202],
    timeoutSeconds: 5,
    ...extra,
  });

  it('sends method, headers and body with the revision filled in, and accepts the expected status', async () => {
    const executor = new HttpExecutor({
      service: 'bers',
      environment: 'production',
      rollback: step('/hooks/{service}/{environment}/rollback', {
        body: '{"ref":"{revision}","service":"{service}"}',
      }),
    });
    expect(executor.supports('rollback', 'v1.4.2')).toBe(true);
    const result = await executor.rollback('v1.4.2', new AbortController().signal);
    expect(result).toMatchObject({ ok: true, summary: 'POST answered HTTP 202' });
    expect(result.outputTail).toContain('queued');
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'POST', url: '/hooks/bers/production/rollback' });
    expect(last.headers.authorization).toBe('Bearer s3cret');
    expect(JSON.parse(last.body)).toEqual({ ref: 'v1.4.2', service: 'bers' });
  });

  it('keeps JSON intact whatever the revision contains', async () => {
    const executor = new HttpExecutor({
      service: 'bers',
      environment: 'production',
      rollback: step('/hooks/x', { body: '{"ref":"{revision}"}' }),
    });
    await executor.rollback('a"b\\c', new AbortController().signal);
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ ref: 'a"b\\c' });
  });

  it('reports an unexpected status with the answer', async () => {
    const executor = new HttpExecutor({ service: 's', environment: 'e', restart: step('/broken') });
    const result = await executor.restart(new AbortController().signal);
    expect(result).toMatchObject({ ok: false, summary: 'POST answered HTTP 500 (expected 200/202)' });
    expect(result.outputTail).toContain('boom');
  });

  it('gives up at its timeout', async () => {
    const executor = new HttpExecutor({
      service: 's',
      environment: 'e',
      restart: step('/slow', { timeoutSeconds: 1 }),
    });
    const result = await executor.restart(new AbortController().signal);
    expect(result).toMatchObject({ ok: false, summary: 'no answer within 1 s' });
  });
});
