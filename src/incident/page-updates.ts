import { type IncidentDeps, mustGet } from './incident-deps.js';
import type { PageChange, PageRecord, PageState } from './page-model.js';

export interface PageUpdate {
  before: PageRecord;
  after: PageRecord;
  /** Something the page card shows changed (so the cards were edited). */
  changed: boolean;
}

/**
 * Applies what the pager reported to the incident's page and edits its page cards when what they
 * show changed. Undefined when the incident was never paged or `from` did not match.
 */
export async function changePage(
  deps: IncidentDeps,
  number: number,
  change: PageChange,
  from?: readonly PageState[],
): Promise<PageUpdate | undefined> {
  const incident = await mustGet(deps, number);
  const applied = await deps.records.pages.apply(deps.store, incident.id, change, deps.clock.now(), from);
  if (!applied) return undefined;
  const changed = JSON.stringify(applied.before) !== JSON.stringify(applied.after);
  if (changed) {
    await deps.runner.refreshPageCards(incident, applied.after);
    // The report and the announcement cards show the page too: they follow it.
    await deps.runner.refresh(incident);
  }
  return { ...applied, changed };
}
