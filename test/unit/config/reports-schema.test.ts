import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { MINIMAL_CONFIG, problemsOf } from '../../helpers/config.js';

describe('reports config', () => {
  it('defaults: the daily health report at 09:00 UTC and the weekly reminder on Sundays 02:00 UTC, in #ops', () => {
    const { reports } = parseConfig(MINIMAL_CONFIG, 'test.yaml', {});
    expect(reports.schedules).toEqual([
      { id: 'daily-health', kind: 'daily-health', cron: '0 9 * * *', timezone: 'UTC' },
      { id: 'weekly-maintenance', kind: 'weekly-maintenance', cron: '0 2 * * 0', timezone: 'UTC' },
    ]);
    expect(reports.channels).toEqual(['#ops']);
    expect(reports.graceMinutes).toBe(180);
    expect(reports.maintenanceChecklist[0]!.items.join('\n')).toContain('baselines:update');
  });

  it('names the path of a bad cron expression, time zone, channel or duplicate id', () => {
    const problems = problemsOf(`${MINIMAL_CONFIG}
reports:
  schedules:
    - { id: daily, kind: daily-health, cron: "0 25 * * *" }
    - { id: daily, kind: daily-health, cron: "0 9 * * *", timezone: Europe/Berlinn }
    - { id: monthly, kind: weekly-maintenance, cron: "0 0 L * *", channels: ["ops room"] }
    - { id: other, kind: nightly, cron: "0 9 * * *" }
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^reports\.schedules\[0\]\.cron: invalid cron expression: hour/),
        'reports.schedules[1].timezone: unknown time zone "Europe/Berlinn" (use an IANA name, e.g. Europe/Berlin)',
        expect.stringMatching(/^reports\.schedules\[2\]\.cron: day-of-month token "L" is not supported/),
        'reports.schedules[2].channels[0]: must be #channel-name or a channel id',
        expect.stringMatching(/^reports\.schedules\[3\]\.kind: /),
      ]),
    );
  });

  it('reports duplicate schedule ids by path', () => {
    expect(
      problemsOf(`${MINIMAL_CONFIG}
reports:
  schedules:
    - { id: daily, kind: daily-health, cron: "0 9 * * *" }
    - { id: daily, kind: daily-health, cron: "0 10 * * *", timezone: Europe/Berlin }
`),
    ).toEqual(['reports.schedules[1].id: duplicate schedule id (also schedules[0])']);
  });
});
