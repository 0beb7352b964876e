import { describe, expect, it } from 'vitest';
import { BUTTON_LIFETIME_MS, ButtonBoard } from '../../../src/console/button-board.js';
import { ManualClock } from '../../../src/core/clock.js';

const button = (actionId: string, ts?: string) => ({
  label: actionId,
  actionId,
  value: '1',
  channel: 'console',
  ts,
});

describe('console buttons', () => {
  it('are pressable while their message is current', () => {
    const board = new ButtonBoard(new ManualClock());
    const n = board.add(button('bers:restart:confirm'));
    expect(board.lookup(n)).toMatchObject({ kind: 'ok', button: { actionId: 'bers:restart:confirm' } });
    expect(board.lookup(99)).toEqual({ kind: 'unknown' });
  });

  it('expire with their message after the lifetime', () => {
    const clock = new ManualClock();
    const board = new ButtonBoard(clock);
    const n = board.add(button('bers:restart:confirm'));
    clock.advance(BUTTON_LIFETIME_MS);
    expect(board.lookup(n).kind).toBe('ok');
    clock.advance(12 * 60_000);
    expect(board.lookup(n)).toEqual({ kind: 'expired', minutes: 42 });
    expect(board.latest(':confirm')).toBeUndefined();
  });

  it('are superseded when their message is printed again, updated', () => {
    const board = new ButtonBoard(new ManualClock());
    const first = board.beginMessage('console', '1.000001');
    const old = board.add(button('bers:incident:acknowledge', '1.000001'), first);
    const other = board.add(button('bers:incident:acknowledge', '1.000002'));
    const again = board.beginMessage('console', '1.000001');
    const fresh = board.add(button('bers:incident:acknowledge', '1.000001'), again);
    expect(board.lookup(old)).toEqual({ kind: 'superseded' });
    expect(board.lookup(fresh).kind).toBe('ok');
    expect(board.lookup(other).kind).toBe('ok');
  });
});
