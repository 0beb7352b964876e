import { afterEach, describe, expect, it } from 'vitest';
import { redisChecker } from '../../../../src/health/checks/redis-check.js';
import { healthProbes } from '../../../../src/wiring/health-probes.js';
import { startRespServer } from '../../../helpers/resp-server.js';
import { eventually, refusedPort } from '../../../helpers/target-server.js';
import { checkConfig, patient } from './check-config.js';

const check = (url: string, signal: AbortSignal = patient()) =>
  redisChecker(checkConfig({ kind: 'redis', url }), healthProbes.pingRedis).check(signal);

describe('redis check', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const serve = async (...args: Parameters<typeof startRespServer>) => {
    const server = await startRespServer(...args);
    servers.push(server);
    return server;
  };

  it('is healthy when PING answers PONG, sends only PING and hangs up', async () => {
    const server = await serve();
    expect(await check(server.url)).toEqual({ status: 'healthy', reason: 'PING → PONG' });
    expect(server.received.map((c) => c.map((w) => w.toUpperCase()))).toEqual([['PING']]);
    await eventually(() => server.open() === 0);
  });

  it('authenticates with the password from the URL', async () => {
    const server = await serve((command, session) => {
      if (command[0]?.toUpperCase() === 'AUTH') {
        session.authenticated = command.at(-1) === 's3cret';
        return session.authenticated ? '+OK\r\n' : '-WRONGPASS invalid username-password pair\r\n';
      }
      return session.authenticated ? '+PONG\r\n' : '-NOAUTH Authentication required.\r\n';
    });
    expect((await check(server.url.replace('redis://', 'redis://:s3cret@'))).status).toBe('healthy');
    await expect(check(server.url.replace('redis://', 'redis://:wrong@'))).rejects.toThrow(/WRONGPASS/);
  });

  it("rejects with Redis's own error (a server still loading)", async () => {
    const server = await serve(() => '-LOADING Redis is loading the dataset in memory\r\n');
    await expect(check(server.url)).rejects.toThrow(/LOADING Redis is loading the dataset in memory/);
    await eventually(() => server.open() === 0);
  });

  it('rejects at once on a refused port, without reconnecting', async () => {
    const port = await refusedPort();
    await expect(check(`redis://127.0.0.1:${port}`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('disconnects when the signal aborts on a server that never answers', async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    const pending = check(server.url, controller.signal);
    await eventually(() => server.received.length === 1);
    controller.abort(new Error('check timed out'));
    await expect(pending).rejects.toThrow();
    await eventually(() => server.open() === 0);
  });

  const realRedis = process.env.TEST_REDIS_URL;
  it.runIf(realRedis)('answers PONG from the real Redis at TEST_REDIS_URL', async () => {
    expect(await check(realRedis!)).toEqual({ status: 'healthy', reason: 'PING → PONG' });
  });
});
