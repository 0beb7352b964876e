import type { CheckOutcome } from '../model.js';
import { type Component, summariseComponents } from './component-summary.js';
import { finiteNumber, isRecord, shortText, statusOfWord } from './status-word.js';

function componentOf(entry: unknown, index: number): Component {
  if (!isRecord(entry)) return { name: `check ${index + 1}`, status: 'unknown', reason: 'not an object' };
  const name = shortText(entry.name, 60) ?? `check ${index + 1}`;
  const status = statusOfWord(entry.status);
  const responseTime = finiteNumber(entry.responseTime);
  const parts = [
    shortText(entry.message) ?? shortText(entry.error),
    status === undefined
      ? `unrecognised status ${JSON.stringify(entry.status ?? null).slice(0, 40)}`
      : undefined,
    responseTime !== undefined ? `${Math.round(responseTime)} ms` : undefined,
  ].filter(Boolean);
  return { name, status: status ?? 'unknown', ...(parts.length > 0 ? { reason: parts.join(' · ') } : {}) };
}

function failureText(body: Record<string, unknown>): string {
  const error = body.error;
  const text = shortText(isRecord(error) ? error.message : error) ?? shortText(body.message);
  return text ? `the service reported a failure: ${text}` : 'the service reported success: false';
}

/**
 * The BERS monitoring shape (seeds 000/001, `/api/monitoring/health`): `{ success, data: {
 * overallStatus, version, uptime, environment, checks: [{ name, status, responseTime, message }] } }`.
 * A per-component endpoint (`/api/monitoring/health/<component>`) answering one check as `data`
 * (with `status` instead of `overallStatus`) is read the same way. Never throws.
 */
export function parseBersHealth(body: unknown): CheckOutcome {
  if (!isRecord(body)) return { status: 'unknown', reason: 'expected a JSON object with success and data' };
  if (body.success === false) return { status: 'unhealthy', reason: failureText(body) };
  const data = body.data;
  if (!isRecord(data)) return { status: 'unknown', reason: 'the response has no data object' };
  const word = data.overallStatus ?? data.status;
  const checks = Array.isArray(data.checks)
    ? data.checks.map(componentOf)
    : isRecord(data.checks)
      ? Object.entries(data.checks).map(([name, entry]) =>
          componentOf({ name, ...(isRecord(entry) ? entry : {}) }, 0),
        )
      : [];
  const details: Record<string, unknown> = {};
  for (const key of ['version', 'environment'] as const) {
    const text = shortText(data[key], 40);
    if (text) details[key] = text;
  }
  const uptime = finiteNumber(data.uptime);
  if (uptime !== undefined) details.uptimeMs = uptime;
  const outcome = summariseComponents(statusOfWord(word), word, checks, details);
  // A single-component endpoint has no sub-checks: its own message is the reason.
  const own = shortText(data.message);
  if (checks.length === 0 && own && outcome.status !== 'unknown') outcome.reason = own;
  return outcome;
}
