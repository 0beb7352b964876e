import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { configFrom } from '../../helpers/config.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { startHttpBot } from '../../helpers/http-bot.js';
import { storeBackends } from '../../helpers/stores.js';

const postgres = storeBackends().find((b) => b.name === 'postgres');

function configWith(schedule: string) {
  return configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
reports:
  graceMinutes: 60
  schedules:
    - ${schedule}
`);
}

const slotOf = (post: Record<string, unknown>) => /slot (\S+Z)/.exec(JSON.stringify(post.blocks))?.[1];

/** Two bot replicas on one PostgreSQL, posting to one (fake) Slack workspace. */
async function twoReplicas(config: ReturnType<typeof configFrom>, clock?: ManualClock) {
  const slack = await FakeSlack.start();
  const storeA = await postgres!.open();
  const storeB = await postgres!.openSibling!();
  const a = await startHttpBot({ config, store: storeA, slack, clock, scheduleReports: true });
  const b = await startHttpBot({ config, store: storeB, slack, clock, scheduleReports: true });
  return {
    slack,
    a,
    b,
    posts: () => slack.callsTo('chat.postMessage'),
    async close() {
      await a.close();
      await b.close();
      await storeA.close();
      await storeB.close();
      await slack.close();
    },
  };
}

describe.skipIf(!postgres)('two bot instances on one PostgreSQL', { timeout: 120_000 }, () => {
  it('post each scheduled slot once', async () => {
    const r = await twoReplicas(configWith('{ id: tick, kind: daily-health, cron: "* * * * * *" }'));
    try {
      await r.slack.waitFor(() => new Set(r.posts().map(slotOf)).size >= 4, 45_000, 'four slots');
      await Promise.all([r.a.bot.reportScheduler.stop(), r.b.bot.reportScheduler.stop()]);
      const slots = r.posts().map(slotOf);
      expect(slots.every(Boolean)).toBe(true);
      expect(slots.length).toBe(new Set(slots).size);
      const runs = await r.a.store.query<{ slot: Date; claimed_by: string }>(
        "SELECT slot, claimed_by FROM report_runs WHERE schedule_id = 'tick' AND status = 'posted'",
      );
      expect(runs.length).toBe(slots.length);
    } finally {
      await r.close();
    }
  });

  it('post a missed slot late once, whichever replica notices it first', async () => {
    const clock = new ManualClock(new Date('2026-01-05T09:20:00Z'));
    const r = await twoReplicas(configWith('{ id: daily, kind: daily-health, cron: "0 9 * * *" }'), clock);
    try {
      await r.slack.waitFor(() => r.posts().length > 0, 45_000, 'late post');
      const outcomes = await Promise.all([
        r.a.bot.reportScheduler.catchUp(),
        r.b.bot.reportScheduler.catchUp(),
      ]);
      expect(outcomes.flat()).toEqual([]);
      expect(r.posts()).toHaveLength(1);
      expect(JSON.stringify(r.posts()[0]!.blocks)).toContain('late: the bot was down at 09:00 UTC');
    } finally {
      await r.close();
    }
  });
});
