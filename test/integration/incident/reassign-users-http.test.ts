import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { incidentConfig } from './config.js';

const ada = { id: 'U0ADA', name: 'ada' };

/** A page or a role goes to one person: broadcasts and user groups are refused, saying why. */
describe('incident reassign takes only a user', () => {
  let h: HttpBotHarness;
  beforeAll(async () => {
    h = await startHttpBot({ config: incidentConfig() });
    await h.command('incident declare P2 search is slow', ada);
  });
  afterAll(() => h.close());

  it.each([
    ['<!here>', '`@here` is everyone in the channel'],
    ['<!channel>', '`@channel` is everyone in the channel'],
    ['<!everyone>', '`@everyone` is everyone in the channel'],
    ['<!subteam^S0SRE|@sre>', '`@sre` is a user group'],
  ])('refuses %s', async (who, says) => {
    const { reply } = await h.command(`incident reassign 1 ${who}`, ada);
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toContain(says);
    expect(h.slack.liveMarkup()).toEqual([]);
  });

  it('refuses a broadcast as a role too', async () => {
    const { reply } = await h.command('incident assign 1 <!here> commander', ada);
    expect(String(reply.text)).toContain('`@here` is everyone in the channel');
  });
});
