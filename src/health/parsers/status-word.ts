import type { HealthStatus } from '../model.js';

const WORDS: Record<string, HealthStatus> = {
  healthy: 'healthy',
  ok: 'healthy',
  up: 'healthy',
  pass: 'healthy',
  passing: 'healthy',
  green: 'healthy',
  degraded: 'degraded',
  warn: 'degraded',
  warning: 'degraded',
  yellow: 'degraded',
  unhealthy: 'unhealthy',
  critical: 'unhealthy',
  down: 'unhealthy',
  fail: 'unhealthy',
  failed: 'unhealthy',
  error: 'unhealthy',
  red: 'unhealthy',
  unknown: 'unknown',
};

/**
 * A target's own status word as ours. The seeds use healthy/degraded/unhealthy/unknown, and seed
 * 001 also speaks of "critical"; common synonyms are accepted, anything else is `undefined`.
 */
export function statusOfWord(word: unknown): HealthStatus | undefined {
  return typeof word === 'string' ? WORDS[word.trim().toLowerCase()] : undefined;
}

/** Text from an untrusted body, bounded so one field cannot flood a Slack message. */
export function shortText(value: unknown, max = 200): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
