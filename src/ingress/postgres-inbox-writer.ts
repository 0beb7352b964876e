import pg from 'pg';
import { GroupCommit } from '../core/group-commit.js';
import type { InboxTarget, KeptRequest } from '../inbox/kept-request.js';
import type { InboxWriter } from './inbox-writer.js';

type PostgresTarget = Extract<InboxTarget, { kind: 'postgres' }>;

/**
 * The shared inbox on the ack path, from the ingress thread's own connections: requests that
 * arrive while an INSERT is in flight go together in the next one (group commit), so a burst costs
 * a few round trips, not one per request. Each row is leased to this replica; another replica
 * takes it over only once the lease has run out unrenewed (src/inbox/inbox.ts).
 */
export class PostgresInboxWriter implements InboxWriter {
  private readonly inserts = new GroupCommit((requests: KeptRequest[]) => this.insert(requests));

  private constructor(
    private readonly pool: pg.Pool,
    private readonly target: PostgresTarget,
  ) {}

  static async open(target: PostgresTarget): Promise<PostgresInboxWriter> {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 2,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    });
    // A dropped idle connection must not kill the ingress thread; the next INSERT reconnects.
    pool.on('error', () => {});
    return new PostgresInboxWriter(pool, target);
  }

  keep(request: KeptRequest): Promise<boolean> {
    return this.inserts.add(request);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** One INSERT for the batch; per request, whether it was new (false: a retry already kept). */
  private async insert(requests: KeptRequest[]): Promise<boolean[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO inbox (id, kind, payload, received_at, owner, leased_until)
       SELECT r.id, r.kind, r.payload, r.received_at, $5, now() + make_interval(secs => $6)
         FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::timestamptz[]) AS r(id, kind, payload, received_at)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        requests.map((r) => r.id),
        requests.map((r) => r.delivery.kind),
        requests.map((r) => JSON.stringify(r)),
        requests.map((r) => r.receivedAt),
        this.target.owner,
        this.target.leaseMs / 1000,
      ],
    );
    const inserted = new Set(rows.map((r) => r.id));
    return requests.map((r) => inserted.has(r.id));
  }
}
