import { describe, expect, it } from 'vitest';
import { createHealthCommand, type HealthCommandDeps } from '../../../commands/health.js';
import type { HealthReport, ServiceHealth } from '../../../src/health/model.js';
import { commandContext, runWith } from './context.js';

const at = new Date('2026-12-02T10:00:00Z');
const service = (name: string, status: ServiceHealth['status'] = 'healthy'): ServiceHealth => ({
  service: name,
  status,
  latencyMs: 12,
  reason: status === 'healthy' ? undefined : 'HTTP 503',
  checks: [],
});
const report = (services: ServiceHealth[]): HealthReport => ({
  at,
  durationMs: 40,
  overall: services.some((s) => s.status !== 'healthy') ? 'unhealthy' : 'healthy',
  services,
});

/** In-memory ports: the checks answer `services`; uploads and warnings are recorded. */
function ports(services: ServiceHealth[], upload: () => Promise<void> = async () => {}) {
  const asked: string[][] = [];
  const uploads: { channel: string; filename: string }[] = [];
  const warnings: unknown[] = [];
  const deps: HealthCommandDeps = {
    health: {
      check: async (names: string[] = []) => {
        asked.push(names);
        return report(names.length ? services.filter((s) => names.includes(s.service)) : services);
      },
    },
    maintenance: { current: async () => [] },
    chat: {
      uploadFile: async (channel, file) => {
        uploads.push({ channel, filename: file.filename });
        await upload();
      },
    },
    log: { warn: ((obj: unknown) => void warnings.push(obj)) as HealthCommandDeps['log']['warn'] },
  };
  return { deps, asked, uploads, warnings };
}

describe('/bers health (against in-memory ports)', () => {
  it('checks the services named and answers with their checks', async () => {
    const p = ports([service('unjucks-api', 'unhealthy'), service('web')]);
    const reply = await runWith(createHealthCommand(p.deps), ['unjucks-api']);
    expect(p.asked).toEqual([['unjucks-api']]);
    expect(JSON.stringify(reply)).toContain('unjucks-api');
    expect(JSON.stringify(reply)).not.toContain('web');
    expect(p.uploads).toEqual([]);
  });

  it('with no names, summarises every service without a file when the list fits', async () => {
    const p = ports([service('unjucks-api'), service('web', 'degraded')]);
    const reply = await runWith(createHealthCommand(p.deps), []);
    expect(p.asked).toEqual([[]]);
    expect(String(reply.text)).toContain('(1 healthy · 1 degraded)');
    expect(p.uploads).toEqual([]);
  });

  it('uploads the full list to the channel when one line per service does not fit', async () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      service(`service-${i}`, i % 2 ? 'healthy' : 'unhealthy'),
    );
    const p = ports(many);
    const reply = await runWith(createHealthCommand(p.deps), [], commandContext());
    expect(p.uploads).toHaveLength(1);
    expect(p.uploads[0]!.channel).toBe('C0OPS');
    expect(JSON.stringify(reply)).toContain(p.uploads[0]!.filename);
  });

  it('says so (and logs a warning) when that upload fails', async () => {
    const many = Array.from({ length: 400 }, (_, i) => service(`service-${i}`, 'unhealthy'));
    const p = ports(many, async () => {
      throw new Error('not_in_channel');
    });
    const reply = await runWith(createHealthCommand(p.deps), []);
    expect(JSON.stringify(reply)).toContain('The full list could not be uploaded: not_in_channel');
    expect(p.warnings).toHaveLength(1);
  });

  it('refuses more than 50 names before any check runs', () => {
    const p = ports([]);
    const names = Array.from({ length: 51 }, (_, i) => `s${i}`);
    expect(createHealthCommand(p.deps).args.safeParse(names).success).toBe(false);
    expect(p.asked).toEqual([]);
  });
});
