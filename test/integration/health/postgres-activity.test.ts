import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresActivityChecker } from '../../../src/health/checks/postgres-activity-check.js';
import { healthProbes } from '../../../src/wiring/health-probes.js';
import { postgresUrl, uniqueSchema } from '../../helpers/stores.js';
import { refusedPort } from '../../helpers/target-server.js';
import { checkConfig, patient } from '../../unit/health/checks/check-config.js';

const check = (url: string, extra: Record<string, unknown> = {}) =>
  postgresActivityChecker(
    checkConfig({ kind: 'postgres-activity', url, ...extra }),
    healthProbes.readPostgresActivity,
  ).check(patient());

describe('postgres-activity check', () => {
  it('fails with the connection error on a refused port', async () => {
    const port = await refusedPort();
    await expect(check(`postgres://postgres@127.0.0.1:${port}/test`)).rejects.toThrow(/ECONNREFUSED/);
  });

  describe.runIf(postgresUrl)('against PostgreSQL at TEST_DATABASE_URL', () => {
    const schema = uniqueSchema();
    let holder: pg.Client;
    let waiter: pg.Client;

    beforeAll(async () => {
      holder = new pg.Client(postgresUrl);
      waiter = new pg.Client(postgresUrl);
      await Promise.all([holder.connect(), waiter.connect()]);
      await holder.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.templates (id int)`);
    });
    afterAll(async () => {
      await holder.query('ROLLBACK').catch(() => {});
      await holder.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await Promise.all([holder.end(), waiter.end()]);
    });

    it('reports connections by state against max_connections, locks and the replication role', async () => {
      const result = await check(postgresUrl!);
      expect(result.status).toBe('healthy');
      expect(result.reason).toMatch(
        /^connections \d+\/\d+ \(\d+%\): .*\d+ active.* · 0 ungranted locks · primary, 0 replica\(s\)$/,
      );
      expect(result.details).toMatchObject({ role: 'primary', ungrantedLocks: 0, replicas: 0 });
      expect((result.details!.byState as Record<string, number>).active).toBeGreaterThanOrEqual(1);
      expect(result.components!.map((c) => c.name)).toEqual(['connections', 'locks', 'replication']);
    });

    it('degrades on a waiting lock (seed 003: SELECT * FROM pg_locks WHERE NOT granted), then recovers', async () => {
      await holder.query(`BEGIN; LOCK TABLE ${schema}.templates IN ACCESS EXCLUSIVE MODE`);
      const blocked = waiter.query(`SELECT count(*) FROM ${schema}.templates`);
      let result = await check(postgresUrl!);
      for (let i = 0; i < 50 && result.status === 'healthy'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        result = await check(postgresUrl!);
      }
      expect(result.status).toBe('degraded');
      expect(result.reason).toContain('1 ungranted lock ≥ 1');
      expect((await check(postgresUrl!, { ungrantedLocks: { warning: 1, critical: 1 } })).status).toBe(
        'unhealthy',
      );
      await holder.query('COMMIT');
      await blocked;
      expect((await check(postgresUrl!)).status).toBe('healthy');
    });

    it('grades connections against the configured share of max_connections', async () => {
      const result = await check(postgresUrl!, { connections: { warning: 0.1 } });
      expect(result.status).toBe('degraded');
      expect(result.reason).toMatch(/^connections \d+\/\d+ \(\d+%\).* ≥ 0\.1 ·/);
    });
  });
});
