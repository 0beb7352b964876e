import { createHash } from 'node:crypto';
import type { Queryable } from '../store/store.js';
import type { AlertGroup } from './alert-group.js';

export interface StoredNotification {
  id: string;
  groupKey: string;
  status: 'firing' | 'resolved';
  channel?: string;
  ts?: string;
  group: AlertGroup;
  note?: string;
}

interface Row {
  id: string;
  group_key: string;
  status: 'firing' | 'resolved';
  channel: string | null;
  ts: string | null;
  payload: StoredGroup | string;
  note: string | null;
}

/**
 * The `payload` column's JSON: the shape rows have always been written in (the field names of the
 * Alertmanager webhook the table started with), kept so rows written before read back the same.
 */
interface StoredGroup {
  groupKey: string;
  status: 'firing' | 'resolved';
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  alerts: {
    status: 'firing' | 'resolved';
    labels: Record<string, string>;
    annotations: Record<string, string>;
    startsAt: string;
    endsAt?: string;
    fingerprint?: string;
  }[];
}

const toPayload = (group: AlertGroup): string =>
  JSON.stringify({
    groupKey: group.key,
    status: group.status,
    groupLabels: group.groupLabels,
    commonLabels: group.labels,
    commonAnnotations: group.annotations,
    alerts: group.alerts.map((a) => ({
      status: a.status,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      fingerprint: a.sourceId,
    })),
  } satisfies StoredGroup);

const fromPayload = (stored: StoredGroup): AlertGroup => ({
  key: stored.groupKey,
  status: stored.status,
  groupLabels: stored.groupLabels,
  labels: stored.commonLabels,
  annotations: stored.commonAnnotations,
  alerts: stored.alerts.map((a) => ({
    status: a.status,
    labels: a.labels,
    annotations: a.annotations,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    sourceId: a.fingerprint,
  })),
});

/** A short id for a group, small enough for a button value. */
export function notificationId(groupKey: string): string {
  return createHash('sha256').update(groupKey).digest('hex').slice(0, 16);
}

/** Which Slack message shows which pushed alert group: survives restarts, shared by replicas. */
export class NotificationStore {
  constructor(private readonly db: Queryable) {}

  /** Inserts the group's row; true when this call created it (and so must post the message). */
  async claim(group: AlertGroup, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO alert_notifications (id, group_key, status, payload, updated_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (group_key) DO NOTHING RETURNING id`,
      [notificationId(group.key), group.key, group.status, toPayload(group), now],
    );
    return rows.length > 0;
  }

  /** Stores the newest payload and status; returns the row as it was before. */
  async replace(group: AlertGroup, now: Date): Promise<StoredNotification | undefined> {
    const before = await this.byGroupKey(group.key);
    if (!before) return undefined;
    await this.db.query(
      'UPDATE alert_notifications SET status = $2, payload = $3, updated_at = $4 WHERE group_key = $1',
      [group.key, group.status, toPayload(group), now],
    );
    return before;
  }

  async setMessage(groupKey: string, channel: string, ts: string, note?: string | null): Promise<void> {
    await this.db.query(
      'UPDATE alert_notifications SET channel = $2, ts = $3, note = $4 WHERE group_key = $1',
      [groupKey, channel, ts, note ?? null],
    );
  }

  async setNote(id: string, note: string): Promise<void> {
    await this.db.query('UPDATE alert_notifications SET note = $2 WHERE id = $1', [id, note]);
  }

  async byId(id: string): Promise<StoredNotification | undefined> {
    const rows = await this.db.query<Row>('SELECT * FROM alert_notifications WHERE id = $1', [id]);
    return rows[0] && toStored(rows[0]);
  }

  async byGroupKey(groupKey: string): Promise<StoredNotification | undefined> {
    const rows = await this.db.query<Row>('SELECT * FROM alert_notifications WHERE group_key = $1', [
      groupKey,
    ]);
    return rows[0] && toStored(rows[0]);
  }
}

function toStored(row: Row): StoredNotification {
  return {
    id: row.id,
    groupKey: row.group_key,
    status: row.status,
    channel: row.channel ?? undefined,
    ts: row.ts ?? undefined,
    group: fromPayload(
      typeof row.payload === 'string' ? (JSON.parse(row.payload) as StoredGroup) : row.payload,
    ),
    note: row.note ?? undefined,
  };
}
