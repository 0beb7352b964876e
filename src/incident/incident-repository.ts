import type { Queryable } from '../store/store.js';
import type { NewIncident, Resolution } from './incident-records.js';
import { type IncidentRow, opt, toIncident } from './incident-row.js';
import type { Incident, IncidentRole, IncidentStatus, IncidentTimes, TimelineEntry } from './model.js';

/**
 * A conditional UPDATE: `where` is extra SQL over the row (e.g. `resolved_at IS NULL`), so when two
 * people act at once exactly one gets the row back.
 */
async function updateIf(
  db: Queryable,
  id: number,
  set: Record<string, unknown>,
  where = 'TRUE',
): Promise<Incident | undefined> {
  const columns = Object.keys(set);
  const assignments = columns.map((c, i) => `${c} = $${i + 2}`).join(', ');
  const rows = await db.query<IncidentRow>(
    `UPDATE incidents SET ${assignments} WHERE id = $1 AND (${where}) RETURNING *`,
    [id, ...columns.map((c) => set[c])],
  );
  return rows[0] && toIncident(rows[0]);
}

const OPEN = 'resolved_at IS NULL';
const ROLE_COLUMNS: Record<IncidentRole, string> = {
  commander: 'commander_id',
  lead: 'lead_id',
  comms: 'comms_id',
};
/** Advisory-lock namespace for declares (any fixed number outside the migration lock's). */
const DECLARE_LOCK = 7_305_010;

/** SQL for incidents and their timeline. Every method takes the connection (store or transaction). */
export const incidentRepository = {
  async byRequestKey(db: Queryable, key: string): Promise<Incident | undefined> {
    const rows = await db.query<IncidentRow>('SELECT * FROM incidents WHERE request_key = $1', [key]);
    return rows[0] && toIncident(rows[0]);
  },

  /** Inserts unless the request key exists; undefined means another request already declared it. */
  async insert(db: Queryable, n: NewIncident): Promise<Incident | undefined> {
    const rows = await db.query<IncidentRow>(
      // The number comes from a counter row in the same transaction: no gaps after a crash, and
      // concurrent declares (replicas) wait on that row rather than skip numbers.
      `WITH next AS (UPDATE counters SET value = value + 1 WHERE name = 'incident_number' RETURNING value)
       INSERT INTO incidents (number, request_key, title, severity, impact, services, is_private, commander_id,
         declared_by_id, declared_by_name, declared_at, next_update_at, origin)
       SELECT next.value, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 FROM next
       ON CONFLICT (request_key) DO NOTHING RETURNING *`,
      [
        n.requestKey,
        n.title,
        n.severity,
        n.impact,
        JSON.stringify(n.services),
        n.isPrivate,
        n.commanderId ?? null,
        n.declaredById,
        n.declaredByName,
        n.declaredAt,
        n.nextUpdateAt ?? null,
        n.origin ?? null,
      ],
    );
    return rows[0] && toIncident(rows[0]);
  },

  async byNumber(db: Queryable, number: number): Promise<Incident | undefined> {
    const rows = await db.query<IncidentRow>('SELECT * FROM incidents WHERE number = $1', [number]);
    return rows[0] && toIncident(rows[0]);
  },

  async byId(db: Queryable, id: number): Promise<Incident | undefined> {
    const rows = await db.query<IncidentRow>('SELECT * FROM incidents WHERE id = $1', [id]);
    return rows[0] && toIncident(rows[0]);
  },

  async byChannel(db: Queryable, channelId: string): Promise<Incident | undefined> {
    const rows = await db.query<IncidentRow>(
      'SELECT * FROM incidents WHERE channel_id = $1 OR channel_name = $1 ORDER BY number DESC LIMIT 1',
      [channelId],
    );
    return rows[0] && toIncident(rows[0]);
  },

  async listOpen(db: Queryable): Promise<Incident[]> {
    const rows = await db.query<IncidentRow>(
      'SELECT * FROM incidents WHERE resolved_at IS NULL ORDER BY severity, number',
    );
    return rows.map(toIncident);
  },

  async publicSince(db: Queryable, since: Date): Promise<Incident[]> {
    const rows = await db.query<IncidentRow>(
      'SELECT * FROM incidents WHERE NOT is_private AND (resolved_at IS NULL OR resolved_at >= $1) ORDER BY number DESC',
      [since],
    );
    return rows.map(toIncident);
  },

  async declaredOrResolvedSince(db: Queryable, since: Date): Promise<IncidentTimes[]> {
    const rows = await db.query<IncidentRow>(
      'SELECT * FROM incidents WHERE declared_at >= $1 OR resolved_at >= $1 ORDER BY number',
      [since],
    );
    return rows.map((r) => {
      const i = toIncident(r);
      return {
        number: i.number,
        severity: i.severity,
        title: i.title,
        isPrivate: i.isPrivate,
        declaredAt: i.declaredAt,
        acknowledgedAt: i.acknowledgedAt,
        resolvedAt: i.resolvedAt,
      };
    });
  },

  async lockRequestKey(db: Queryable, key: string): Promise<void> {
    await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DECLARE_LOCK, key]);
  },

  setRole: (db: Queryable, id: number, role: IncidentRole, userId: string) =>
    updateIf(db, id, { [ROLE_COLUMNS[role]]: userId }, OPEN),

  recordUpdate: (db: Queryable, id: number, u: { status: IncidentStatus; at: Date; nextUpdateAt?: Date }) =>
    updateIf(
      db,
      id,
      { status: u.status, last_update_at: u.at, next_update_at: u.nextUpdateAt ?? null },
      OPEN,
    ),

  setSeverity: (db: Queryable, id: number, severity: string, nextUpdateAt?: Date) =>
    updateIf(db, id, { severity, next_update_at: nextUpdateAt ?? null }, OPEN),

  acknowledge: (db: Queryable, id: number, ack: { at: Date; by: string; byId?: string }) =>
    updateIf(
      db,
      id,
      { acknowledged_at: ack.at, acknowledged_by: ack.by, acknowledged_by_id: ack.byId ?? null },
      `acknowledged_at IS NULL AND ${OPEN}`,
    ),

  resolve: (db: Queryable, id: number, r: Resolution) =>
    updateIf(
      db,
      id,
      {
        status: 'resolved',
        resolved_at: r.at,
        resolved_by: r.by,
        resolution: r.resolution,
        root_cause: r.rootCause ?? null,
        next_update_at: null,
      },
      OPEN,
    ),

  setPostMortemUrl: (db: Queryable, id: number, url: string) => updateIf(db, id, { postmortem_url: url }),

  markArchived: (db: Queryable, id: number, at: Date) => updateIf(db, id, { archived_at: at }),

  /** The channel the channel step created or adopted (the step runner's, not a flow's). */
  setChannel: (db: Queryable, id: number, channel: { id: string; name: string }) =>
    updateIf(db, id, { channel_id: channel.id, channel_name: channel.name }),

  /** The topic as last set (channel care's, not a flow's). */
  setChannelTopic: (db: Queryable, id: number, topic: string) => updateIf(db, id, { channel_topic: topic }),

  /** Adds a timeline entry; with a source key, a second record of the same thing is ignored. */
  async addTimeline(
    db: Queryable,
    incidentId: number,
    entry: TimelineEntry & { sourceKey?: string },
  ): Promise<boolean> {
    const rows = await db.query(
      `INSERT INTO incident_timeline (incident_id, at, kind, actor_id, actor_name, text, source_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (source_key) DO NOTHING RETURNING id`,
      [
        incidentId,
        entry.at,
        entry.kind,
        entry.actorId ?? null,
        entry.actorName ?? null,
        entry.text,
        entry.sourceKey ?? null,
      ],
    );
    return rows.length > 0;
  },

  async timeline(db: Queryable, incidentId: number): Promise<TimelineEntry[]> {
    const rows = await db.query<{
      at: Date;
      kind: string;
      actor_id: string | null;
      actor_name: string | null;
      text: string;
    }>(
      'SELECT at, kind, actor_id, actor_name, text FROM incident_timeline WHERE incident_id = $1 ORDER BY at, id',
      [incidentId],
    );
    return rows.map((r) => ({
      at: r.at,
      kind: r.kind,
      actorId: opt(r.actor_id),
      actorName: opt(r.actor_name),
      text: r.text,
    }));
  },
};
