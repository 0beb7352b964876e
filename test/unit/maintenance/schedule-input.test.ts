import { describe, expect, it } from 'vitest';
import { ServiceNames } from '../../../src/config/service-names.js';
import { UsageError } from '../../../src/core/errors.js';
import { renderText } from '../../../src/core/mrkdwn.js';
import { parseSchedule } from '../../../src/maintenance/schedule-input.js';
import { announcementMessage, scheduledReply } from '../../../src/views/maintenance-view.js';
import { HOSTILE_TEXT } from '../../helpers/hostile-text.js';

const services = [{ name: 'unjucks-api', aliases: ['api'] }, { name: 'unjucks-db' }];
const names = new ServiceNames(services);
const known = { canonical: (n: string) => names.canonical(n), all: services.map((s) => s.name) };
const now = new Date('2026-12-01T12:00:00Z');
const parse = (line: string) => parseSchedule(line.split(' ').filter(Boolean), known, now);

/** The refusal's message, which must be a usage answer (it shows the command's usage). */
function refusal(line: string): string {
  try {
    parse(line);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).usageOf).toBe('maintenance schedule');
    // What Slack is given: the error's text, rendered (plain strings escaped, our markup as is).
    return renderText((error as UsageError).text);
  }
  throw new Error(`accepted: ${line}`);
}

describe('maintenance schedule input', () => {
  it('takes services (aliases too), a UTC start in three spellings, a duration and a title', () => {
    expect(parse('api unjucks-db 2026-12-06T02:00Z 2h Database upgrade')).toEqual({
      services: ['unjucks-api', 'unjucks-db'],
      startsAt: new Date('2026-12-06T02:00:00Z'),
      durationMinutes: 120,
      title: 'Database upgrade',
    });
    expect(parse('unjucks-api 2026-12-06 02:00 90m').startsAt).toEqual(new Date('2026-12-06T02:00:00Z'));
    expect(parse('unjucks-api 2026-12-06 02:00 90m').title).toBe('Maintenance');
    expect(parse('unjucks-api +2h 30m').startsAt).toEqual(new Date('2026-12-01T14:00:00Z'));
  });

  it('answers bad input with what was wrong', () => {
    expect(refusal('unjucks-api 2026-11-30T02:00Z 2h')).toMatch(/in the past/);
    expect(refusal('nginx 2026-12-06T02:00Z 2h')).toMatch(/Unknown service `nginx`/);
    expect(refusal('unjucks-apl 2026-12-06T02:00Z 2h')).toMatch(/Did you mean `unjucks-api`/);
    expect(refusal('unjucks-api 2026-12-06T02:00Z 400h')).toMatch(/5 minutes to 24 hours/);
    expect(refusal('unjucks-api 2026-12-06T02:00Z 1m')).toMatch(/5 minutes to 24 hours/);
    expect(refusal('unjucks-api 2026-12-06T02:00Z soon')).toMatch(/`soon` is not a duration/);
    expect(refusal('unjucks-api 2026-02-30T02:00Z 2h')).toMatch(/not a start time/);
    expect(refusal('unjucks-api 2099-12-06T02:00Z 2h')).toMatch(/more than a year ahead/);
    expect(refusal('2026-12-06T02:00Z 2h')).toMatch(/at least one service/);
    expect(refusal('')).toMatch(/Name the services/);
  });

  it('never lets hostile text act as markup, neither as a service nor as a title', () => {
    const asService = refusal('<!channel> 2026-12-06T02:00Z 2h');
    expect(asService).not.toContain('<!channel>');
    const input = parse(`unjucks-api 2026-12-06T02:00Z 2h ${HOSTILE_TEXT}\u0000`);
    expect(input.title).not.toContain('\u0000');
    expect(input.title.length).toBeLessThanOrEqual(120);
    const occurrence = {
      id: 7,
      windowId: 3,
      title: input.title,
      services: input.services,
      startsAt: input.startsAt,
      endsAt: new Date('2026-12-06T04:00:00Z'),
      createdBy: HOSTILE_TEXT,
      silences: [],
    };
    const scheduled = scheduledReply(occurrence, [120]);
    for (const message of [announcementMessage(occurrence, 120, ''), scheduled]) {
      // mrkdwn is where Slack would act on markup (plain_text headers show it as typed).
      const mrkdwn: string[] = [];
      JSON.stringify(message.blocks, (_key, value) => {
        if (value && typeof value === 'object' && value.type === 'mrkdwn') mrkdwn.push(value.text);
        return value;
      });
      // The title is there, as text.
      if (message === scheduled) expect(mrkdwn.join('\n')).toContain('&lt;!channel&gt; wake up');
      expect(mrkdwn.join('\n')).not.toMatch(/<!channel>|<!here|<!subteam|<https:\/\/evil|<@U0EVIL>/);
    }
  });
});
