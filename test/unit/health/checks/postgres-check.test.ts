import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresChecker } from '../../../../src/health/checks/postgres-check.js';
import { healthProbes } from '../../../../src/wiring/health-probes.js';
import { postgresUrl } from '../../../helpers/stores.js';
import { eventually, refusedPort, startSilentTcp } from '../../../helpers/target-server.js';
import { checkConfig, patient } from './check-config.js';

const check = (url: string, signal: AbortSignal, query?: string) =>
  postgresChecker(
    checkConfig({ kind: 'postgres', url, ...(query ? { query } : {}) }),
    healthProbes.pingPostgres,
  ).check(signal);

describe('postgres check', () => {
  it('rejects with ECONNREFUSED on a refused port', async () => {
    const port = await refusedPort();
    await expect(check(`postgres://postgres@127.0.0.1:${port}/test`, patient())).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });

  describe('against a server that accepts and never answers', () => {
    let silent: Awaited<ReturnType<typeof startSilentTcp>>;
    beforeAll(async () => {
      silent = await startSilentTcp();
    });
    afterAll(() => silent.close());

    it('gives up when the signal aborts and closes its connection', async () => {
      const controller = new AbortController();
      const pending = check(`postgres://postgres@127.0.0.1:${silent.port}/test`, controller.signal);
      await eventually(() => silent.open() === 1);
      controller.abort(new Error('check timed out'));
      await expect(pending).rejects.toThrow();
      await eventually(() => silent.open() === 0);
    });
  });

  describe.runIf(postgresUrl)('against PostgreSQL at TEST_DATABASE_URL', () => {
    it('runs SELECT 1 by default', async () => {
      expect(await check(postgresUrl!, patient())).toEqual({
        status: 'healthy',
        reason: 'SELECT 1 → 1',
        details: { rowCount: 1 },
      });
    });

    it('runs the configured query and shows its first value', async () => {
      const outcome = await check(
        postgresUrl!,
        patient(),
        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'",
      );
      expect(outcome.status).toBe('healthy');
      expect(outcome.reason).toMatch(/^SELECT count\(\*\) FROM pg_stat_activity W… → \d+$/);
    });

    it("rejects with PostgreSQL's own message on a bad query, and ends the client", async () => {
      await expect(check(postgresUrl!, patient(), 'SELECT * FROM no_such_table')).rejects.toThrow(
        /relation "no_such_table" does not exist/,
      );
    });

    it('leaves no connection behind, whether the query worked or failed', async () => {
      // Its own application_name (the URL's wins over the probe's default), so parallel runs elsewhere do not count.
      const name = `bers-test-${process.pid}-${Date.now()}`;
      const url = new URL(postgresUrl!);
      url.searchParams.set('application_name', name);
      const named = await check(url.toString(), patient(), "SELECT current_setting('application_name')");
      expect(named.reason).toContain(name.slice(0, 20));
      await expect(check(url.toString(), patient(), 'SELECT 1/0')).rejects.toThrow(/division by zero/);
      const observer = new pg.Client({ connectionString: postgresUrl });
      await observer.connect();
      try {
        const open = async () =>
          Number(
            (
              await observer.query('SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1', [
                name,
              ])
            ).rows[0].n,
          );
        let remaining = await open();
        for (let i = 0; remaining > 0 && i < 50; i++) {
          await new Promise((r) => setTimeout(r, 50));
          remaining = await open();
        }
        expect(remaining).toBe(0);
      } finally {
        await observer.end();
      }
    });

    it('rejects on an unknown database', async () => {
      const url = new URL(postgresUrl!);
      url.pathname = '/no_such_database_for_bers';
      await expect(check(url.toString(), patient())).rejects.toThrow(/no_such_database_for_bers/);
    });
  });
});
