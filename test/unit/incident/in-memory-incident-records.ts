import type { IncidentRecords } from '../../../src/incident/incident-records.js';
import type { Incident, TimelineEntry } from '../../../src/incident/model.js';
import type { StepPayload } from '../../../src/incident/step-store.js';

/** The columns `updateIf` is given by the flows on the port, as the Incident's fields. */
const FIELDS: Record<string, keyof Incident> = {
  commander_id: 'commanderId',
  lead_id: 'leadId',
  comms_id: 'commsId',
};

/** What a flow stored: incidents by number, timeline entries, steps in the order added. */
export interface InMemoryIncidentRecords extends IncidentRecords {
  rows: Map<number, Incident>;
  timeline: (TimelineEntry & { incidentId: number; sourceKey?: string })[];
  stepsAdded: { incidentId: number; key: string; payload: StepPayload }[];
}

/**
 * The incident records in memory, with the SQL's idempotence kept (a timeline source key or a
 * step key is recorded once). The `Queryable` each method is given is ignored: a unit test has
 * one copy of the data, and the transaction it would be in is the fake store's to count.
 * `updateIf` understands only the columns and condition the flows on the port pass; anything else
 * throws, so a flow passing new SQL fails its test instead of passing it wrongly.
 */
export function inMemoryIncidentRecords(incidents: Incident[] = []): InMemoryIncidentRecords {
  const rows = new Map(incidents.map((i) => [i.number, { ...i }]));
  const timeline: InMemoryIncidentRecords['timeline'] = [];
  const stepsAdded: InMemoryIncidentRecords['stepsAdded'] = [];
  const byId = (id: number) => [...rows.values()].find((i) => i.id === id);
  return {
    rows,
    timeline,
    stepsAdded,
    incidents: {
      byNumber: async (_db, number) => (rows.has(number) ? { ...rows.get(number)! } : undefined),
      async updateIf(_db, id, set, where = 'TRUE') {
        const row = byId(id);
        if (!row) return undefined;
        if (where === 'resolved_at IS NULL') {
          if (row.resolvedAt) return undefined;
        } else if (where !== 'TRUE') throw new Error(`in-memory updateIf: unknown condition ${where}`);
        for (const [column, value] of Object.entries(set)) {
          const field = FIELDS[column];
          if (!field) throw new Error(`in-memory updateIf: unknown column ${column}`);
          Object.assign(row, { [field]: value });
        }
        return { ...row };
      },
      async addTimeline(_db, incidentId, entry) {
        if (entry.sourceKey && timeline.some((t) => t.sourceKey === entry.sourceKey)) return false;
        timeline.push({ ...entry, incidentId });
        return true;
      },
    },
    steps: {
      async add(_db, incidentId, _at, steps) {
        for (const step of steps) {
          if (!stepsAdded.some((s) => s.key === step.key)) stepsAdded.push({ incidentId, ...step });
        }
      },
    },
  };
}
