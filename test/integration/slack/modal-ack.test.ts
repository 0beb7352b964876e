import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';
import { INCIDENT_CONFIG } from '../incident/config.js';

const declareValues = (title: string, severity: string) => ({
  title: { title: { type: 'plain_text_input', value: title } },
  severity: { severity: { type: 'static_select', selected_option: { value: severity } } },
  services: { services: { type: 'multi_static_select', selected_options: [{ value: 'checkout' }] } },
});

describe('modals ack first: validate, ack, then the work', () => {
  let h: HttpBotHarness;
  beforeAll(async () => {
    h = await startHttpBot({ config: configFrom(INCIDENT_CONFIG) });
  });
  afterAll(() => h.close());

  it('the declare submission is acked (200, empty) while its channel cannot be created yet', async () => {
    // Slack holds conversations.create until the test lets go: the ack must not wait for it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    h.slack.on('conversations.create', async (args) => {
      await held;
      return { ok: true, channel: { id: 'C0DECL', name: String(args.name) } };
    });
    const response = await h.submitView('bers:incident:declare', declareValues('payments down', 'P2'), 'k1');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await h.slack.waitFor(() => h.slack.callsTo('conversations.create').length > 0, 10_000, 'the create');
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.channel === 'C0DECL')).toEqual([]);
    release();
    const answer = await h.slack.waitFor(
      () => h.slack.callsTo('chat.postMessage').find((c) => c.channel === 'U0ADA'),
      10_000,
      'the answer to the user',
    );
    expect(String(answer.text)).toContain('Declared incident #1 (P2)');
    expect(await h.bot.services.incidents.get(1)).toMatchObject({
      title: 'payments down',
      channelId: 'C0DECL',
    });
    const [row] = await h.bot.services.audit.recent(1, { kind: 'view' });
    expect(row).toMatchObject({ subject: 'bers:incident:declare', actorId: 'U0ADA', outcome: 'ok' });
    h.slack.off('conversations.create');
  });

  it('invalid fields keep the modal open with response_action: errors, and nothing is declared', async () => {
    const createsBefore = h.slack.callsTo('conversations.create').length;
    const response = await h.submitView('bers:incident:declare', declareValues('   ', 'P9'), 'k2');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      response_action: 'errors',
      errors: { title: 'Give the incident a title.', severity: 'Choose one of P0, P1, P2, P3.' },
    });
    // Audited after the answer, so the ack does not wait for the store.
    const row = await pollUntil(
      async () => (await h.bot.services.audit.recent(1, { kind: 'view' })).find((r) => r.outcome === 'usage'),
      { what: 'the audit row', timeoutMs: 10_000, intervalMs: 20 },
    );
    expect(row).toMatchObject({ subject: 'bers:incident:declare', actorId: 'U0ADA' });
    expect(await h.bot.services.incidents.listOpen()).toHaveLength(1);
    expect(h.slack.callsTo('conversations.create')).toHaveLength(createsBefore);
  });

  it('an unknown callback id closes the modal, then the user is told and the submission audited', async () => {
    const response = await h.submitView('bers:incident:retired-form', {}, '', {
      id: 'U0CAROL',
      name: 'carol',
    });
    expect([response.status, await response.text()]).toEqual([200, '']);
    const answer = await h.slack.waitFor(
      () => h.slack.callsTo('chat.postMessage').find((c) => c.channel === 'U0CAROL'),
      10_000,
      'the answer',
    );
    expect(String(answer.text)).toContain('That form is no longer handled');
    const [row] = await h.bot.services.audit.recent(1, { kind: 'view' });
    expect(row).toMatchObject({ subject: 'bers:incident:retired-form', outcome: 'not_found' });
  });
});
