import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';
import { storeBackends } from '../../helpers/stores.js';

const SERVICES = `
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
`;

function configWith(schedules: string, extra = '') {
  return configFrom(`${SERVICES}
reports:
  graceMinutes: 60
${extra}
  schedules:
${schedules}
`);
}

/** The slot a scheduled post names in its context line. */
function slotOf(post: Record<string, unknown>): string | undefined {
  return /slot (\S+Z)/.exec(JSON.stringify(post.blocks))?.[1];
}

const posts = (slack: FakeSlack, schedule: string) =>
  slack
    .callsTo('chat.postMessage')
    .filter((p) => JSON.stringify(p.blocks).includes(`schedule \`${schedule}\``));

describe.each(storeBackends())('scheduled reports ($name)', { timeout: 120_000 }, (backend) => {
  const open: HttpBotHarness[] = [];
  // One store for the file (each test uses its own schedule ids): fewer embedded databases to boot.
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });
  afterAll(() => store.close());

  it('a schedule firing every second posts the daily report to its channels, once per slot', async () => {
    const h = await startHttpBot({
      config: configWith(
        `    - { id: tick, kind: daily-health, cron: "* * * * * *", channels: ["#ops", "#health"] }`,
      ),
      store,
      scheduleReports: true,
    });
    open.push(h);
    await h.slack.waitFor(() => new Set(posts(h.slack, 'tick').map(slotOf)).size >= 3, 45_000, 'three slots');
    await h.bot.reportScheduler.stop();
    const all = posts(h.slack, 'tick');
    const bySlot = new Map<string, string[]>();
    for (const p of all) bySlot.set(slotOf(p)!, [...(bySlot.get(slotOf(p)!) ?? []), String(p.channel)]);
    for (const channels of bySlot.values()) expect(channels.sort()).toEqual(['#health', '#ops']);
    expect(String(all[0]!.text)).toMatch(/^Daily health report — .* unhealthy/);
    const runs = await h.store.query<{ status: string; late: boolean }>(
      "SELECT status, late FROM report_runs WHERE schedule_id = 'tick'",
    );
    expect(runs.length).toBe(bySlot.size);
    expect(runs.every((r) => r.status === 'posted' && !r.late)).toBe(true);
  });

  it('missed while down, back within the grace window: posts once, late and marked so', async () => {
    const clock = new ManualClock(new Date('2026-01-05T09:40:00Z'));
    const config = configWith(
      `    - { id: daily, kind: daily-health, cron: "0 9 * * *", channels: ["#ops"] }`,
    );
    const slack = await FakeSlack.start();
    const h = await startHttpBot({ config, store, clock, slack, scheduleReports: true });
    open.push(h);
    const [late] = await h.slack.waitFor(
      () => posts(h.slack, 'daily').length > 0 && posts(h.slack, 'daily'),
      45_000,
      'late post',
    );
    expect(late!.channel).toBe('#ops');
    expect(String(late!.text)).toContain('Daily health report (late)');
    expect(JSON.stringify(late!.blocks)).toContain('late: the bot was down at 09:00 UTC');
    expect(slotOf(late!)).toBe('2026-01-05T09:00:00.000Z');
    // Later checks (and a restart) do not post it again.
    clock.advance(10 * 60_000);
    expect(await h.bot.reportScheduler.catchUp()).toEqual([]);
    await h.close();
    open.pop();
    const again = await startHttpBot({ config, store, clock, slack: h.slack, scheduleReports: true });
    open.push(again);
    expect(await again.bot.reportScheduler.catchUp()).toEqual([]);
    expect(posts(h.slack, 'daily')).toHaveLength(1);
    await again.close();
    open.pop();
    await slack.close();
  });

  it('a slot left posting by a replica that died is posted late by the next catch-up, once', async () => {
    const clock = new ManualClock(new Date('2026-01-06T09:30:00Z'));
    await store.query(
      `INSERT INTO report_runs (schedule_id, slot, claimed_by, claimed_at, status)
       VALUES ('orphan', '2026-01-06T09:00:00Z', 'gone-host:4242', '2026-01-06T09:00:00Z', 'posting')`,
    );
    const config = configWith(
      `    - { id: orphan, kind: daily-health, cron: "0 9 * * *", channels: ["#ops"] }`,
    );
    const h = await startHttpBot({ config, store, clock, scheduleReports: true });
    open.push(h);
    const [late] = await h.slack.waitFor(
      () => posts(h.slack, 'orphan').length > 0 && posts(h.slack, 'orphan'),
      45_000,
      'late post',
    );
    expect(JSON.stringify(late!.blocks)).toContain('late: the bot stopped while posting it at 09:00 UTC');
    const status = async () =>
      (
        await store.query<{ status: string }>("SELECT status FROM report_runs WHERE schedule_id = 'orphan'")
      )[0]!.status;
    await pollUntil(async () => (await status()) === 'posted', {
      what: 'the run to be marked posted',
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    clock.advance(20 * 60_000);
    expect(await h.bot.reportScheduler.catchUp()).toEqual([]);
    expect(posts(h.slack, 'orphan')).toHaveLength(1);
    const [run] = await store.query<{ status: string; claimed_by: string }>(
      "SELECT status, claimed_by FROM report_runs WHERE schedule_id = 'orphan'",
    );
    expect(run!.status).toBe('posted');
    expect(run!.claimed_by).not.toBe('gone-host:4242');
  });

  it('a post Slack refused is tried again after 5 minutes, within the grace window', async () => {
    const clock = new ManualClock(new Date('2026-01-07T09:03:00Z'));
    await store.query(
      `INSERT INTO report_runs (schedule_id, slot, claimed_by, claimed_at, status, finished_at, error)
       VALUES ('refused', '2026-01-07T09:00:00Z', 'other:1', '2026-01-07T09:00:00Z', 'failed',
               '2026-01-07T09:00:02Z', 'An API error occurred: ratelimited')`,
    );
    const config = configWith(
      `    - { id: refused, kind: daily-health, cron: "0 9 * * *", channels: ["#ops"] }`,
    );
    const h = await startHttpBot({ config, store, clock, scheduleReports: true });
    open.push(h);
    expect(await h.bot.reportScheduler.catchUp()).toEqual([]); // 09:03: too soon after the failure
    clock.set(new Date('2026-01-07T09:06:00Z'));
    const [outcome] = await h.bot.reportScheduler.catchUp();
    expect(outcome).toMatchObject({ schedule: 'refused', action: 'posted-late' });
    const [post] = posts(h.slack, 'refused');
    expect(JSON.stringify(post!.blocks)).toContain(
      'late: posting it at 09:00 UTC failed (An API error occurred: ratelimited)',
    );
    expect(await h.bot.reportScheduler.catchUp()).toEqual([]);
    expect(posts(h.slack, 'refused')).toHaveLength(1);
  });

  it('missed beyond the grace window: skipped and logged, not posted', async () => {
    const clock = new ManualClock(new Date('2026-01-05T10:30:00Z'));
    const config = configWith(`    - { id: skip-daily, kind: daily-health, cron: "0 9 * * *" }`);
    const h = await startHttpBot({ config, store, clock, scheduleReports: true });
    open.push(h);
    const skipped = await h.slack.waitFor(
      () => h.logs.lines().find((l) => l.msg === 'missed report slot beyond the grace window: skipped'),
      45_000,
      'skip log',
    );
    expect(skipped).toMatchObject({ schedule: 'skip-daily', minutesLate: 90, graceMinutes: 60 });
    expect(await h.bot.reportScheduler.catchUp()).toEqual([]);
    expect(posts(h.slack, 'skip-daily')).toHaveLength(0);
    const [run] = await store.query<{ status: string }>(
      "SELECT status FROM report_runs WHERE schedule_id = 'skip-daily'",
    );
    expect(run!.status).toBe('skipped');
  });

  it('a report set for 09:00 Europe/Berlin is due at 07:00 UTC after the spring DST change', async () => {
    const clock = new ManualClock(new Date('2026-03-29T06:59:00Z'));
    const config = configWith(
      `    - { id: berlin, kind: daily-health, cron: "0 9 * * *", timezone: Europe/Berlin, graceMinutes: 120 }`,
    );
    const h = await startHttpBot({ config, store, clock, scheduleReports: true });
    open.push(h);
    // 06:59 UTC is 08:59 in Berlin: the latest slot is yesterday's 09:00 CET (08:00 UTC), long past grace.
    await h.slack.waitFor(
      () => h.logs.lines().find((l) => l.schedule === 'berlin'),
      45_000,
      'first catch-up',
    );
    clock.set(new Date('2026-03-29T07:05:00Z'));
    const [outcome] = await h.bot.reportScheduler.catchUp();
    expect(outcome).toEqual({
      schedule: 'berlin',
      slot: new Date('2026-03-29T07:00:00Z'),
      action: 'posted-late',
    });
    const [post] = posts(h.slack, 'berlin');
    expect(JSON.stringify(post!.blocks)).toContain('late: the bot was down at 09:00 (Europe/Berlin)');
    expect(JSON.stringify(post!.blocks)).toContain('Sun 29 Mar, 09:05 CEST');
  });
});
