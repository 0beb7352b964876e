import { createTask } from 'node-cron';
import { describe, expect, it } from 'vitest';
import { nextSlots, previousSlot } from '../../../src/core/cron-slots.js';

const berlin9 = { expression: '0 9 * * *', timezone: 'Europe/Berlin' };
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('report slots', () => {
  it('09:00 Europe/Berlin is 08:00 UTC in winter and 07:00 UTC in summer (spring DST change)', () => {
    expect(iso(nextSlots(berlin9, new Date('2026-03-27T12:00:00Z'), 3))).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z', // clocks went forward at 01:00 UTC that morning
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('and back to 08:00 UTC after the autumn DST change', () => {
    expect(iso(nextSlots(berlin9, new Date('2026-10-24T06:00:00Z'), 3))).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  it('the most recent slot is found across the change, to the second', () => {
    expect(previousSlot(berlin9, new Date('2026-03-29T06:59:59Z'))?.toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(previousSlot(berlin9, new Date('2026-03-29T07:00:00Z'))?.toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    expect(previousSlot(berlin9, new Date('2026-03-29T07:00:00.999Z'))?.toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
  });

  it('a wall time that does not exist (spring gap) is skipped; one that happens twice (autumn) fires twice', () => {
    const at0230 = { expression: '30 2 * * *', timezone: 'Europe/Berlin' };
    expect(iso(nextSlots(at0230, new Date('2026-03-28T12:00:00Z'), 2))).toEqual([
      '2026-03-30T00:30:00.000Z',
      '2026-03-31T00:30:00.000Z',
    ]);
    expect(iso(nextSlots(at0230, new Date('2026-10-24T12:00:00Z'), 3))).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('weekly on Sunday 02:00 UTC, and seconds-level schedules', () => {
    const weekly = { expression: '0 2 * * 0', timezone: 'UTC' };
    expect(previousSlot(weekly, new Date('2026-01-07T10:00:00Z'))?.toISOString()).toBe(
      '2026-01-04T02:00:00.000Z',
    );
    expect(
      previousSlot(
        { expression: '* * * * * *', timezone: 'UTC' },
        new Date('2026-01-07T10:00:05.500Z'),
      )?.toISOString(),
    ).toBe('2026-01-07T10:00:05.000Z');
  });

  it('agrees with node-cron on the next runs', () => {
    for (const spec of [
      berlin9,
      { expression: '0 2 * * 0', timezone: 'UTC' },
      { expression: '15 7,19 * * 1-5', timezone: 'America/New_York' },
      { expression: '0 9 * * *', timezone: 'Asia/Kolkata' },
    ]) {
      const task = createTask(spec.expression, () => {}, { timezone: spec.timezone });
      const now = new Date();
      const expected = iso(task.getNextRuns(5));
      expect(iso(nextSlots(spec, now, 5))).toEqual(expected);
      void task.destroy();
    }
  });
});
