import { describe, expect, it } from 'vitest';
import { channelNameFor, formatDuration, transitionProblem } from '../../../src/incident/model.js';

describe('incident model', () => {
  it('allows forward moves and the regression back to investigating, refuses the rest with a reason', () => {
    expect(transitionProblem('investigating', 'identified')).toBeUndefined();
    expect(transitionProblem('investigating', 'monitoring')).toBeUndefined();
    expect(transitionProblem('monitoring', 'investigating')).toBeUndefined();
    expect(transitionProblem('identified', 'identified')).toBeUndefined();
    expect(transitionProblem('monitoring', 'identified')).toMatch(
      /cannot go back from monitoring to identified/,
    );
    expect(transitionProblem('identified', 'resolved')).toMatch(/its own command/);
    expect(transitionProblem('resolved', 'monitoring')).toMatch(/already resolved/);
  });

  it('makes Slack-valid channel names: lower case, at most 80 characters, with a suffix when taken', () => {
    expect(channelNameFor(7, 'Checkout is FAILING!! (EU)')).toBe('inc-7-checkout-is-failing-eu');
    expect(channelNameFor(7, 'Café down', '-2')).toBe('inc-7-cafe-down-2');
    const long = channelNameFor(123456, 'x'.repeat(200), '-10');
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-10')).toBe(true);
    expect(channelNameFor(3, '🔥🔥')).toBe('inc-3');
  });

  it('formats durations', () => {
    expect(formatDuration(65 * 60_000)).toBe('1h 5m');
    expect(formatDuration(26 * 3_600_000)).toBe('1d 2h 0m');
  });
});
