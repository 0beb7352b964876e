import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type HttpBotHarness,
  SIGNING_SECRET,
  slashCommandBody,
  startHttpBot,
} from '../../helpers/http-bot.js';
import { signedHeaders } from '../../helpers/slack-signing.js';
import { incidentConfig } from '../incident/config.js';

// The inbox's store is unreachable (nothing listens on port 1): no request can be kept, so none
// may be acked as if it had been.
describe('requests the inbox cannot keep', () => {
  let h: HttpBotHarness;

  beforeAll(async () => {
    h = await startHttpBot({
      config: incidentConfig(),
      inbox: { kind: 'postgres', url: 'postgres://bers@127.0.0.1:1/none', owner: 'test', leaseMs: 15_000 },
    });
  });
  afterAll(() => h.close());

  it('a slash command is answered that nothing was done, and not worked', async () => {
    const body = slashCommandBody('incident declare P3 never kept', h.slack.responseUrl('nk1'));
    const response = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...signedHeaders(SIGNING_SECRET, body),
      },
    });
    expect(response.status).toBe(200);
    expect((await response.json()) as { text: string }).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('could not record this command'),
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.bot.services.incidents.listOpen()).toEqual([]);
  });

  it('a click and an event are not acked (500): Slack shows the click failed and retries the event', async () => {
    const click = await h.click('bers:incident:acknowledge', '1');
    expect(click.status).toBe(500);
    const event = await h.event({ type: 'reaction_added', user: 'U0ADA', reaction: 'pushpin', item: {} });
    expect(event.status).toBe(500);
  });
});
