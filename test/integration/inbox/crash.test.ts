import { describe, expect, it } from 'vitest';
import { crashRun } from '../../helpers/crash-run.js';
import { postgresUrl } from '../../helpers/stores.js';

// What a user relies on: an acked command is worked exactly once, whatever kills the bot meanwhile.
// bench/inbox-crash.bench.ts runs the same with more kills and prints the counts.
describe('a bot SIGKILLed while declares are in flight', () => {
  it('works every acked declare exactly once on the embedded store, and answers each', async () => {
    const run = await crashRun({ kills: 3, backend: 'pglite' });
    expect(run.acked).toBeGreaterThan(20);
    expect(run).toMatchObject({ lost: 0, duplicated: 0, extraChannels: 0, gapless: true });
    expect(run.workedOnce).toBe(run.acked);
    expect(run.answered).toBe(run.acked);
  }, 300_000);

  // Defined only where PostgreSQL is (CI always sets TEST_DATABASE_URL).
  if (postgresUrl) {
    it('on PostgreSQL, the living replica takes over what the killed one acked', async () => {
      const run = await crashRun({ kills: 3, backend: 'postgres', postgresUrl });
      expect(run.acked).toBeGreaterThan(20);
      expect(run).toMatchObject({ lost: 0, duplicated: 0, extraChannels: 0, gapless: true });
      expect(run.workedOnce).toBe(run.acked);
      expect(run.answered).toBe(run.acked);
    }, 300_000);
  }
});
