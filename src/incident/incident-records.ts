import type { incidentRepository } from './incident-repository.js';
import type { stepStore } from './step-store.js';

/**
 * The incident rows, timeline and pending steps as the flows that take them from their deps see
 * them: the SQL repositories (incident-repository.ts, step-store.ts) in the bot, in-memory ones in
 * a unit test (test/unit/incident/in-memory-incident-records.ts). Only the methods those flows
 * call; a flow moved onto this port adds the ones it needs. Each method still takes the
 * `Queryable` it runs on, so a flow's writes stay in the transaction it opened.
 */
export interface IncidentRecords {
  incidents: Pick<typeof incidentRepository, 'byNumber' | 'updateIf' | 'addTimeline'>;
  steps: Pick<typeof stepStore, 'add'>;
}
