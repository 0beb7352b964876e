import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { incidentConfig, MONDAY_10 } from './config.js';

describe('an incident channel whose creation answer was lost', () => {
  let h: HttpBotHarness;
  const clock = new ManualClock(MONDAY_10);

  beforeAll(async () => {
    h = await startHttpBot({ config: incidentConfig(), clock });
  });
  afterAll(() => h.close());

  it('is adopted when the step runs again, never created a second time', async () => {
    let lostId = '';
    // Slack made the channel, but the bot never heard (killed mid-call, or a timeout).
    h.slack.on('conversations.create', (args) => {
      h.slack.off('conversations.create');
      lostId = h.slack.addBotChannel(String(args.name));
      return { ok: false, error: 'fatal_error' };
    });
    await h.command('incident declare P2 checkout slow');
    expect((await h.bot.services.incidents.get(1))?.channelId).toBeUndefined();
    clock.advance(60_000);
    await h.bot.services.incidents.recover();
    const incident = await h.bot.services.incidents.get(1);
    expect(incident?.channelId).toBe(lostId);
    expect(h.slack.createdChannels()).toEqual(['inc-1-checkout-slow']);
    expect(await h.bot.services.incidents.pendingSteps(1)).toBe(0);
  });
});
