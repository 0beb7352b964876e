import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePagerDuty } from '../../helpers/fake-pagerduty.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pagingConfig } from '../../helpers/pagerduty.js';

const user = (id: string, name: string, email: string) => ({ id, type: 'user', summary: name, name, email });
const policy = (id: string, summary: string) => ({ id, type: 'escalation_policy_reference', summary });

function replyText(reply: Record<string, unknown>): string {
  return JSON.stringify(reply.blocks);
}

describe('/bers oncall', () => {
  let h: HttpBotHarness;
  let pd: FakePagerDuty;

  beforeAll(async () => {
    pd = await FakePagerDuty.start();
    pd.oncalls = [
      {
        escalation_policy: policy('PWEB001', 'Web on-call'),
        escalation_level: 2,
        schedule: null,
        user: user('PU2', 'Grace Hopper', 'grace@example.com'),
        end: '2026-01-05T18:00:00Z',
      },
      {
        escalation_policy: policy('PWEB001', 'Web on-call'),
        escalation_level: 1,
        schedule: { id: 'PSCHED1', summary: 'Web primary' },
        user: user('PU1', 'Ada Lovelace', 'ada@example.com'),
        end: '2026-01-05T18:00:00Z',
      },
      {
        escalation_policy: policy('PAPI001', 'API on-call'),
        escalation_level: 1,
        schedule: null,
        user: user('PU3', 'Linus T', 'linus@example.com'),
        end: null,
      },
    ];
    h = await startHttpBot({
      config: pagingConfig(),
      env: { PAGERDUTY_API_URL: pd.url, PAGERDUTY_API_TOKEN: pd.apiToken },
      pagerDutyCa: pd.ca,
    });
    h.slack.on('users.lookupByEmail', (args) =>
      args.email === 'ada@example.com'
        ? { ok: true, user: { id: 'U0ADA', profile: { email: 'ada@example.com' } } }
        : { ok: false, error: 'users_not_found' },
    );
  });
  afterAll(async () => {
    await h.close();
    await pd.close();
  });

  it('lists who is on call, lowest level first, as Slack mentions where the e-mail matches', async () => {
    const { reply } = await h.command('oncall');
    const text = replyText(reply);
    // The notification text is plain (it is escaped when sent): the name; the blocks mention them.
    expect(reply.text).toBe('On call now: Ada Lovelace');
    expect(text).toContain('Web on-call');
    expect(text).toContain('Level 1: <@U0ADA> (Ada Lovelace) until 2026-01-05 18:00 UTC');
    expect(text).toContain('Level 2: *Grace Hopper*');
    expect(text.indexOf('Level 1')).toBeLessThan(text.indexOf('Level 2'));
    // Without a service: every configured policy and schedule.
    expect(text).toContain('*API on-call* (escalation policy)\\nLevel 1: *Linus T*');
    expect(text).toContain('*Web primary* (schedule)');
    expect(pd.oncallQueries[0]!.getAll('include[]')).toEqual(['users']);
  });

  it('answers from its cache for a while', async () => {
    const before = pd.oncallQueries.length;
    await h.command('oncall');
    expect(pd.oncallQueries.length).toBe(before);
  });

  it('shows one service’s escalation policy', async () => {
    const { reply } = await h.command('oncall api');
    expect(reply.text).toBe('On call for api: Linus T');
    expect(replyText(reply)).toContain('API on-call');
  });

  it('says when a service has nothing configured, or PagerDuty refuses', async () => {
    const { reply } = await h.command('oncall host');
    expect(String(reply.text)).toContain('No escalation policy or schedule is configured for *host*');
    pd.apiToken = 'rotated';
    const refused = await h.command('oncall web');
    expect(String(refused.reply.text)).toContain('PagerDuty on-call lookup failed: HTTP 401');
  });
});
