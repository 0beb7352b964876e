import { describe, expect, it } from 'vitest';
import { createOnCallCommand } from '../../../commands/oncall.js';
import { UnavailableError } from '../../../src/core/errors.js';
import type { OnCallAnswer } from '../../../src/incident/on-call.js';
import { runWith } from './context.js';

const config = { services: [{ name: 'unjucks-api', aliases: ['unjucks'] }] } as never;

function onCall() {
  const asked: (string | undefined)[] = [];
  const lookup = async (service?: string): Promise<OnCallAnswer> => {
    asked.push(service);
    return {
      service,
      at: new Date('2026-12-02T10:00:00Z'),
      people: [
        {
          source: { kind: 'escalation policy', id: 'P1', name: 'Platform' },
          level: 1,
          user: { id: 'PU1', name: 'Grace Hopper' },
          slackUserId: 'U0GRACE',
        },
      ],
    };
  };
  return { asked, lookup };
}

describe('/bers oncall (against an in-memory on-call port)', () => {
  it('asks the port for everything when no service is named', async () => {
    const port = onCall();
    const reply = await runWith(createOnCallCommand({ oncall: port, config }), []);
    expect(port.asked).toEqual([undefined]);
    expect(JSON.stringify(reply)).toContain('U0GRACE');
  });

  it('resolves an alias to the configured name before asking', async () => {
    const port = onCall();
    await runWith(createOnCallCommand({ oncall: port, config }), ['Unjucks']);
    expect(port.asked).toEqual(['unjucks-api']);
  });

  it('passes an unknown name on, lower-cased, for the port to answer', async () => {
    const port = onCall();
    await runWith(createOnCallCommand({ oncall: port, config }), ['Billing']);
    expect(port.asked).toEqual(['billing']);
  });

  it('says the lookup is off without an on-call port', async () => {
    const run = runWith(createOnCallCommand({ config }), []);
    await expect(run).rejects.toBeInstanceOf(UnavailableError);
    await expect(run).rejects.toThrow('PAGERDUTY_API_TOKEN is not set');
  });

  it('takes one service at most', () => {
    expect(createOnCallCommand({ config }).args.safeParse(['a', 'b']).success).toBe(false);
  });
});
