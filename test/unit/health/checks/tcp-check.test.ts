import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tcpChecker } from '../../../../src/health/checks/tcp-check.js';
import { eventually, refusedPort, startSilentTcp } from '../../../helpers/target-server.js';
import { checkConfig, patient } from './check-config.js';

describe('tcp check', () => {
  let server: Awaited<ReturnType<typeof startSilentTcp>>;
  beforeAll(async () => {
    server = await startSilentTcp();
  });
  afterAll(() => server.close());

  it('is healthy when the port accepts, and does not keep the connection', async () => {
    const outcome = await tcpChecker(
      checkConfig({ kind: 'tcp', host: '127.0.0.1', port: server.port }),
    ).check(patient());
    expect(outcome).toEqual({ status: 'healthy', reason: `127.0.0.1:${server.port} accepts connections` });
    await eventually(() => server.open() === 0);
  });

  it('rejects with ECONNREFUSED on a closed port', async () => {
    const port = await refusedPort();
    await expect(
      tcpChecker(checkConfig({ kind: 'tcp', host: '127.0.0.1', port })).check(patient()),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
