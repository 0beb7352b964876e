import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlsChecker } from '../../../src/health/checks/tls-check.js';
import { healthProbes } from '../../../src/wiring/health-probes.js';
import { checkConfig, patient } from '../../unit/health/checks/check-config.js';

const DAY = 86_400_000;

/** A self-signed certificate for 127.0.0.1, valid from `fromDays` to `toDays` from now (EC: quick to make). */
async function certificate(fromDays: number, toDays: number) {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() + fromDays * DAY),
    notAfterDate: new Date(Date.now() + toDays * DAY),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  return { cert: pems.cert, key: pems.private };
}

async function serve(pem: { cert: string; key: string }): Promise<{ server: Server; port: number }> {
  const server = createServer(pem, (_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}

describe('tls check (a local https server with a self-signed certificate)', () => {
  let dir: string;
  let soon: { server: Server; port: number; caFile: string };
  let expired: { server: Server; port: number; caFile: string };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bers-tls-'));
    const make = async (name: string, from: number, to: number) => {
      const pem = await certificate(from, to);
      const caFile = join(dir, `${name}.pem`);
      await writeFile(caFile, pem.cert);
      return { ...(await serve(pem)), caFile };
    };
    soon = await make('soon', -80, 10.5);
    expired = await make('expired', -90, -2.5);
  });
  afterAll(() => {
    soon.server.close();
    expired.server.close();
  });

  const check = (target: { port: number; caFile?: string }, extra: Record<string, unknown> = {}) =>
    tlsChecker(
      checkConfig({ kind: 'tls', host: '127.0.0.1', port: target.port, caFile: target.caFile, ...extra }),
      healthProbes.peerCertificate,
    ).check(patient());

  it('counts the days left: degraded inside the 30-day warning, unhealthy inside the critical days', async () => {
    const warned = await check(soon);
    expect(warned.status).toBe('degraded');
    expect(warned.reason).toMatch(/^certificate expires in 10 day\(s\) \(\d{4}-\d\d-\d\d\) < 30$/);
    expect(warned.details).toMatchObject({ daysLeft: 10, subject: '127.0.0.1', authorized: true });
    expect((await check(soon, { criticalDays: 14 })).status).toBe('unhealthy');
    expect(await check(soon, { warningDays: 7, criticalDays: 3 })).toMatchObject({ status: 'healthy' });
  });

  it('is unhealthy for an expired certificate', async () => {
    const result = await check(expired);
    expect(result.status).toBe('unhealthy');
    expect(result.reason).toMatch(
      /^certificate not trusted: CERT_HAS_EXPIRED|^certificate expired 3 day\(s\) ago/,
    );
    expect((await check(expired, { verify: false })).reason).toMatch(
      /^certificate expired 3 day\(s\) ago \(\d{4}-/,
    );
  });

  it('is unhealthy for a certificate nobody trusts or for another name, unless told only to report expiry', async () => {
    const untrusted = await check({ port: soon.port });
    expect(untrusted.status).toBe('unhealthy');
    expect(untrusted.reason).toMatch(
      /^certificate not trusted: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/,
    );
    const otherName = await check(soon, { servername: 'api.unjucks.dev' });
    expect(otherName.status).toBe('unhealthy');
    expect(otherName.reason).toContain('certificate not trusted: ERR_TLS_CERT_ALTNAME_INVALID');
    expect((await check({ port: soon.port }, { verify: false })).status).toBe('degraded');
  });

  it('fails with the connection error when nothing listens', async () => {
    soon.server.close();
    await expect(check(soon)).rejects.toThrow(/ECONNREFUSED/);
  });
});
