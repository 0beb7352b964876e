const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export type DurationUnit = keyof typeof UNIT_MS;

/** `500ms`, `30s`, `5m`, `1h`, `7d` → milliseconds; anything else (signs, spaces, fractions) → undefined. */
export function durationMs(text: string): number | undefined {
  const match = /^(\d{1,7})(ms|s|m|h|d)$/.exec(text);
  return match ? Number(match[1]) * UNIT_MS[match[2] as DurationUnit] : undefined;
}

/** Milliseconds in a unit, rounded down: what an executor is given for a duration argument. */
export function inUnit(ms: number, unit: DurationUnit): number {
  return Math.floor(ms / UNIT_MS[unit]);
}

/** The shortest exact text for a duration: 3600000 → `1h`, 90000 → `90s`. */
export function durationText(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}
