import { ConflictError } from '../core/errors.js';
import type { Incident } from './model.js';

/** A resolved incident takes no more updates: the flows and the incident buttons say it alike. */
export function resolvedConflict(incident: Incident): ConflictError {
  return new ConflictError(
    `Incident #${incident.number} is resolved, so it takes no more updates. Add to its timeline with \`/bers incident note ${incident.number} <text…>\`, or declare a new incident.`,
  );
}
