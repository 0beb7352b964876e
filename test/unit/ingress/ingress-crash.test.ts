import { describe, expect, it } from 'vitest';
import { HttpRouter } from '../../../src/http/routes.js';
import { Ingress } from '../../../src/ingress/ingress.js';
import type { IngressOptions } from '../../../src/ingress/protocol.js';
import { captureLogs } from '../../helpers/logs.js';

const ENTRY = new URL('../../fixtures/workers/crashing-ingress.ts', import.meta.url);

function ingress(when: string, onCrash: (error: Error) => void) {
  const logs = captureLogs();
  // The fixture reads `when` from its worker data, next to the real options.
  const options = {
    ...{ port: 0, host: '127.0.0.1', slackApiUrl: '', eventTypes: [], logLevel: 'info', when },
    inbox: { kind: 'none' as const },
  };
  const handle = new Ingress(
    options as Omit<IngressOptions, 'botIdentity'>,
    { http: new HttpRouter([], logs.log) },
    logs.log,
    onCrash,
    ENTRY,
  );
  return { handle, logs };
}

describe('an ingress thread that dies', () => {
  it('after it started: the crash is reported (the bot exits rather than run deaf)', async () => {
    const crash = new Promise<Error>((resolve) => {
      const { handle } = ingress('after-listening', resolve);
      void handle.start();
    });
    expect((await crash).message).toBe('the ingress thread exited with code 1');
  });

  it('while starting: start() fails, and it is not reported as a crash', async () => {
    let crashed = false;
    const { handle, logs } = ingress('before-listening', () => {
      crashed = true;
    });
    await expect(handle.start()).rejects.toThrow(/ingress could not start|exited with code 1/);
    await handle.stop();
    expect(crashed).toBe(false);
    expect(logs.text()).toContain('ingress thread failed');
  });
});
