import type { CheckOutcome } from '../model.js';
import { type Component, summariseComponents } from './component-summary.js';
import { finiteNumber, isRecord, shortText, statusOfWord } from './status-word.js';

function percentReason(name: string, entry: Record<string, unknown>): string | undefined {
  const percent = finiteNumber(entry.percent_used);
  if (percent === undefined) return undefined;
  const free = finiteNumber(entry.available_gb) ?? finiteNumber(entry.free_gb);
  const total = finiteNumber(entry.total_gb);
  const room = free !== undefined && total !== undefined ? ` (${free} of ${total} GB free)` : '';
  return `${name} ${percent.toFixed(1)}% used${room}`;
}

function componentOf(name: string, entry: unknown): Component {
  const label = shortText(name, 60) ?? '?';
  if (!isRecord(entry)) return { name: label, status: 'unknown', reason: 'not an object' };
  const status = statusOfWord(entry.status);
  const reason =
    shortText(entry.message) ??
    shortText(entry.error) ??
    percentReason(label, entry) ??
    (status === undefined
      ? `unrecognised status ${JSON.stringify(entry.status ?? null).slice(0, 40)}`
      : undefined);
  return { name: label, status: status ?? 'unknown', ...(reason ? { reason } : {}) };
}

/**
 * The Upload Bridge health shape (seed 002, `core.health`): a top-level `status`, a `timestamp`,
 * and a `checks` map of application/memory/disk/cpu entries with `status` and usage figures.
 * Never throws: an unexpected body becomes an `unknown` outcome saying what was wrong.
 */
export function parseUploadBridgeHealth(body: unknown): CheckOutcome {
  if (!isRecord(body)) return { status: 'unknown', reason: 'expected a JSON object with a status' };
  const components = isRecord(body.checks)
    ? Object.entries(body.checks).map(([name, entry]) => componentOf(name, entry))
    : [];
  const timestamp = shortText(body.timestamp, 40);
  return summariseComponents(
    statusOfWord(body.status),
    body.status,
    components,
    timestamp ? { reportedAt: timestamp } : undefined,
  );
}
