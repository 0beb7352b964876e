import { describe, expect, it } from 'vitest';
import { HttpRouter, json } from '../../../src/http/routes.js';
import { Ingress } from '../../../src/ingress/ingress.js';
import type { IngressOptions } from '../../../src/ingress/protocol.js';
import type { RestartPolicy } from '../../../src/ingress/restart-policy.js';
import { captureLogs } from '../../helpers/logs.js';
import { pollUntil } from '../../helpers/poll.js';

const CRASHING = new URL('../../fixtures/workers/crashing-ingress.ts', import.meta.url);
const CRASH_ONCE = new URL('../../fixtures/workers/crash-once-ingress.ts', import.meta.url);
const FAST: RestartPolicy = { maxCrashes: 3, windowMs: 60_000, firstDelayMs: 10, maxDelayMs: 1_000 };

function ingress(entry: URL, extra: Record<string, unknown>, onCrash: (error: Error) => void) {
  const logs = captureLogs();
  const starts = new Int32Array(new SharedArrayBuffer(4));
  // The fixtures read `when` and `starts` from their worker data, next to the real options.
  const options = {
    port: 0,
    host: '127.0.0.1',
    slackApiUrl: '',
    eventTypes: [],
    logLevel: 'info',
    starts,
    inbox: { kind: 'none' as const },
    ...extra,
  };
  const routes = new HttpRouter(
    [{ method: 'GET', path: '/healthz', handle: () => json(200, { status: 'ok' }) }],
    logs.log,
  );
  const handle = new Ingress(
    options as Omit<IngressOptions, 'botIdentity'>,
    { http: routes },
    logs.log,
    onCrash,
    entry,
    FAST,
  );
  return { handle, logs, starts: () => Atomics.load(starts, 0) };
}

describe('an ingress thread that dies', () => {
  it('after it started: it is restarted with a growing backoff, and only repeated crashes are fatal', async () => {
    let started = () => 0;
    let logs!: ReturnType<typeof captureLogs>;
    const fatal = await new Promise<Error>((resolve) => {
      const made = ingress(CRASHING, { when: 'after-listening' }, resolve);
      started = made.starts;
      logs = made.logs;
      void made.handle.start();
    });
    expect(fatal.message).toBe(
      'the ingress thread keeps dying: the ingress thread exited with code 1 (3 crashes within 60 s)',
    );
    expect(started()).toBe(3);
    const restarts = logs.lines().filter((l) => l.msg === 'ingress thread died; restarting it');
    expect(restarts.map((l) => [l.level, l.restartInMs, l.recentCrashes])).toEqual([
      [50, 10, 1],
      [50, 20, 2],
    ]);
  });

  it('while starting: start() fails, and it is not reported as a crash', async () => {
    let crashed = false;
    const { handle, logs, starts } = ingress(CRASHING, { when: 'before-listening' }, () => {
      crashed = true;
    });
    await expect(handle.start()).rejects.toThrow(/ingress could not start|exited with code 1/);
    await handle.stop();
    expect(crashed).toBe(false);
    expect(starts()).toBe(1);
    expect(logs.text()).toContain('ingress thread failed');
  });

  it('the restarted thread rebinds the same port and serves again', async () => {
    let crashed: Error | undefined;
    const { handle, logs, starts } = ingress(CRASH_ONCE, {}, (error) => {
      crashed = error;
    });
    const port = await handle.start();
    try {
      expect(port).toBeGreaterThan(0);
      const restarted = await pollUntil(
        () => logs.lines().find((l) => l.msg === 'ingress thread restarted'),
        {
          what: 'the restart',
          timeoutMs: 15_000,
          intervalMs: 20,
        },
      );
      expect(restarted.port).toBe(port);
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
      expect(starts()).toBe(2);
      expect(crashed).toBeUndefined();
      expect(logs.text()).toContain('ingress blew up after listening');
    } finally {
      await handle.stop();
    }
  });

  it('stop() during the backoff: no restart follows', async () => {
    const { handle, starts } = ingress(CRASHING, { when: 'after-listening' }, () => {});
    await handle.start();
    // The first crash comes 20 ms after listening; its restart waits 10 ms. Whichever phase stop()
    // lands in, nothing starts after it.
    await new Promise((resolve) => setTimeout(resolve, 25));
    await handle.stop();
    const after = starts();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(starts()).toBe(after);
  });
});
