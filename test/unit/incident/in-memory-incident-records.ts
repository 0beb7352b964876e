import type { IncidentRecords, IncidentRows } from '../../../src/incident/incident-records.js';
import type { Incident, IncidentRole, TimelineEntry } from '../../../src/incident/model.js';
import type { StepPayload } from '../../../src/incident/step-payload.js';
import type { Queryable } from '../../../src/store/store.js';
import { type InMemoryPageRecords, inMemoryPageRecords } from './in-memory-page-records.js';

/** The Incident field of each role, as the SQL repository's role columns. */
const ROLE_FIELDS: Record<IncidentRole, keyof Incident> = {
  commander: 'commanderId',
  lead: 'leadId',
  comms: 'commsId',
};

/** What a flow stored: incidents by number, timeline entries, steps in the order added, pages. */
export interface InMemoryIncidentRecords extends IncidentRecords, InMemoryPageRecords {
  rows: Map<number, Incident>;
  timeline: (TimelineEntry & { incidentId: number; sourceKey?: string })[];
  stepsAdded: { incidentId: number; key: string; payload: StepPayload }[];
  /** The messages steps posted, by role (a test seeds the cards a flow looks up). */
  messages: { incidentId: number; role: string; channel: string; ts: string }[];
  /** Every write, in order, with the transaction it ran in (undefined: on the store itself). */
  writes: { op: string; tx?: number }[];
}

/**
 * The incident records in memory, with the SQL's conditions and idempotence kept: a write "while
 * open" changes nothing on a resolved incident, a timeline source key, a step key and a request key
 * are recorded once. Which transaction a write ran in is `txOf(db)` (the fake store's numbering);
 * the data is one copy, as if every transaction committed. What it cannot mean (a role it does not
 * know, a request-key lock outside a transaction, a page state or PagerDuty action it does not
 * know) throws, so a flow asking for something new fails its test instead of passing it wrongly.
 * The page and the PagerDuty requests keep their SQL's rules too (in-memory-page-records.ts).
 */
export function inMemoryIncidentRecords(
  incidents: Incident[] = [],
  txOf: (db: Queryable) => number | undefined = () => undefined,
): InMemoryIncidentRecords {
  const rows = new Map(incidents.map((i) => [i.number, { ...i }]));
  const requestKeys = new Map<string, number>();
  const timeline: InMemoryIncidentRecords['timeline'] = [];
  const stepsAdded: InMemoryIncidentRecords['stepsAdded'] = [];
  const messages: InMemoryIncidentRecords['messages'] = [];
  const writes: InMemoryIncidentRecords['writes'] = [];
  const wrote = (op: string, db: Queryable) => writes.push({ op, tx: txOf(db) });
  const byId = (id: number) => [...rows.values()].find((i) => i.id === id);
  /** Changes the row when `when` holds of it; undefined when it does not (or there is no row). */
  const change = (
    op: string,
    db: Queryable,
    id: number,
    fields: Partial<Incident>,
    when: (i: Incident) => boolean = () => true,
  ) => {
    wrote(op, db);
    const row = byId(id);
    if (!row || !when(row)) return undefined;
    // Absent means "none" here, as NULL in the store: the field goes.
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) delete row[field as keyof Incident];
      else Object.assign(row, { [field]: value });
    }
    return { ...row };
  };
  const open = (i: Incident) => !i.resolvedAt;
  // The page and PagerDuty requests (in-memory-page-records.ts), their writes beside the rows'.
  const paging = inMemoryPageRecords(wrote);
  const copy = (i: Incident | undefined) => i && { ...i };
  const rowsPort: IncidentRows = {
    byNumber: async (_db, number) => copy(rows.get(number)),
    byId: async (_db, id) => copy(byId(id)),
    byRequestKey: async (_db, key) => copy(rows.get(requestKeys.get(key) ?? Number.NaN)),
    byChannel: async (_db, channel) =>
      copy(
        [...rows.values()]
          .filter((i) => i.channelId === channel || i.channelName === channel)
          .sort((a, b) => b.number - a.number)[0],
      ),
    // As the store orders them: by severity name, then number.
    listOpen: async () =>
      [...rows.values()]
        .filter(open)
        .sort((a, b) => (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : a.number - b.number))
        .map((i) => ({ ...i })),
    declaredOrResolvedSince: async (_db, since) =>
      [...rows.values()]
        .filter((i) => i.declaredAt >= since || (i.resolvedAt !== undefined && i.resolvedAt >= since))
        .sort((a, b) => a.number - b.number)
        .map((i) => ({
          number: i.number,
          severity: i.severity,
          title: i.title,
          isPrivate: i.isPrivate,
          declaredAt: i.declaredAt,
          acknowledgedAt: i.acknowledgedAt,
          resolvedAt: i.resolvedAt,
        })),
    publicSince: async (_db, since) =>
      [...rows.values()]
        .filter((i) => !i.isPrivate && (!i.resolvedAt || i.resolvedAt >= since))
        .sort((a, b) => b.number - a.number)
        .map((i) => ({ ...i })),
    async lockRequestKey(db) {
      if (txOf(db) === undefined) throw new Error('in-memory lockRequestKey: not in a transaction');
    },
    async insert(db, n) {
      wrote('insert', db);
      if (requestKeys.has(n.requestKey)) return undefined;
      const all = [...rows.values()];
      const incident: Incident = {
        id: Math.max(0, ...all.map((i) => i.id)) + 1,
        number: Math.max(0, ...all.map((i) => i.number)) + 1,
        title: n.title,
        severity: n.severity,
        status: 'investigating',
        impact: n.impact,
        services: [...n.services],
        isPrivate: n.isPrivate,
        declaredById: n.declaredById,
        declaredByName: n.declaredByName,
        declaredAt: n.declaredAt,
        ...(n.commanderId === undefined ? {} : { commanderId: n.commanderId }),
        ...(n.nextUpdateAt === undefined ? {} : { nextUpdateAt: n.nextUpdateAt }),
        ...(n.origin === undefined ? {} : { origin: n.origin }),
      };
      rows.set(incident.number, incident);
      requestKeys.set(n.requestKey, incident.number);
      return { ...incident };
    },
    async setRole(db, id, role, userId) {
      const field = ROLE_FIELDS[role];
      if (!field) throw new Error(`in-memory setRole: unknown role ${role}`);
      return change('setRole', db, id, { [field]: userId }, open);
    },
    recordUpdate: async (db, id, u) =>
      change(
        'recordUpdate',
        db,
        id,
        { status: u.status, lastUpdateAt: u.at, nextUpdateAt: u.nextUpdateAt },
        open,
      ),
    setSeverity: async (db, id, severity, nextUpdateAt) =>
      change('setSeverity', db, id, { severity, nextUpdateAt }, open),
    acknowledge: async (db, id, ack) =>
      change(
        'acknowledge',
        db,
        id,
        { acknowledgedAt: ack.at, acknowledgedBy: ack.by, acknowledgedById: ack.byId },
        (i) => open(i) && !i.acknowledgedAt,
      ),
    resolve: async (db, id, r) =>
      change(
        'resolve',
        db,
        id,
        {
          status: 'resolved',
          resolvedAt: r.at,
          resolvedBy: r.by,
          resolution: r.resolution,
          rootCause: r.rootCause,
          nextUpdateAt: undefined,
        },
        open,
      ),
    setPostMortemUrl: async (db, id, url) => change('setPostMortemUrl', db, id, { postMortemUrl: url }),
    markArchived: async (db, id, at) => change('markArchived', db, id, { archivedAt: at }),
    setChannel: async (db, id, channel) =>
      change('setChannel', db, id, { channelId: channel.id, channelName: channel.name }),
    setChannelTopic: async (db, id, topic) => change('setChannelTopic', db, id, { channelTopic: topic }),
    async addTimeline(db, incidentId, entry) {
      wrote('addTimeline', db);
      if (entry.sourceKey && timeline.some((t) => t.sourceKey === entry.sourceKey)) return false;
      timeline.push({ ...entry, incidentId });
      return true;
    },
    // In time order, ties in the order added (the store's `ORDER BY at, id`).
    timeline: async (_db, incidentId) =>
      timeline
        .filter((t) => t.incidentId === incidentId)
        .sort((a, b) => a.at.getTime() - b.at.getTime())
        .map(({ at, kind, actorId, actorName, text }) => ({ at, kind, actorId, actorName, text })),
  };
  return {
    rows,
    timeline,
    stepsAdded,
    messages,
    writes,
    incidents: rowsPort,
    ...paging,
    steps: {
      async add(db, incidentId, _at, steps) {
        wrote('addSteps', db);
        for (const step of steps) {
          if (!stepsAdded.some((s) => s.key === step.key)) stepsAdded.push({ incidentId, ...step });
        }
      },
      // By role, as the store orders them.
      messages: async (_db, incidentId) =>
        messages
          .filter((m) => m.incidentId === incidentId)
          .sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0))
          .map(({ role, channel, ts }) => ({ role, channel, ts })),
      // One per role: a second post of the role replaces the reference (the store's upsert).
      async rememberMessage(db, incidentId, role, ref) {
        wrote('rememberMessage', db);
        const known = messages.find((m) => m.incidentId === incidentId && m.role === role);
        if (known) Object.assign(known, ref);
        else messages.push({ incidentId, role, ...ref });
      },
      payloadOf: async (_db, key) => stepsAdded.find((s) => s.key === key)?.payload,
      // Nothing runs the steps here (the runner is a fake), so every step added is still pending.
      pendingCount: async (_db, incidentId) => stepsAdded.filter((s) => s.incidentId === incidentId).length,
    },
  };
}
