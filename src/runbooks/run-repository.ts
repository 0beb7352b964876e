import type { Store } from '../store/store.js';

export type RunState = 'waiting' | 'watching' | 'acting' | 'failed' | 'done' | 'stopped';

export interface RunbookRun {
  id: string;
  runbook: string;
  service: string;
  channelId: string;
  threadTs: string;
  step: number;
  state: RunState;
  startedBy: { id: string; name: string };
  outcomes: Record<string, string>;
  actRequestId?: string;
}

interface Row {
  id: string;
  runbook: string;
  service: string;
  channel_id: string;
  thread_ts: string;
  step: number;
  state: RunState;
  started_by_id: string;
  started_by_name: string;
  outcomes: Record<string, string>;
  act_request_id: string | null;
}

const toRun = (r: Row): RunbookRun => ({
  id: String(r.id),
  runbook: r.runbook,
  service: r.service,
  channelId: r.channel_id,
  threadTs: r.thread_ts,
  step: r.step,
  state: r.state,
  startedBy: { id: r.started_by_id, name: r.started_by_name },
  outcomes: r.outcomes ?? {},
  ...(r.act_request_id ? { actRequestId: r.act_request_id } : {}),
});

/** The walks; every change of step or state is one conditional UPDATE, taken by one caller only. */
export class RunRepository {
  constructor(private readonly store: Store) {}

  async create(run: Omit<RunbookRun, 'id' | 'step' | 'outcomes' | 'state'>, now: Date): Promise<RunbookRun> {
    const [row] = await this.store.query<Row>(
      `INSERT INTO runbook_runs (runbook, service, channel_id, thread_ts, state, started_by_id, started_by_name, started_at, updated_at)
       VALUES ($1, $2, $3, $4, 'waiting', $5, $6, $7, $7) RETURNING *`,
      [run.runbook, run.service, run.channelId, run.threadTs, run.startedBy.id, run.startedBy.name, now],
    );
    return toRun(row!);
  }

  async get(id: string): Promise<RunbookRun | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const [row] = await this.store.query<Row>('SELECT * FROM runbook_runs WHERE id = $1', [id]);
    return row ? toRun(row) : undefined;
  }

  /**
   * Moves the walk from (`step`, one of `from`) to (`to.step`, `to.state`); undefined when someone
   * else moved it first (the second click of a double click, the other replica's timer).
   */
  async move(
    id: string,
    step: number,
    from: readonly RunState[],
    to: { step: number; state: RunState; actRequestId?: string },
    now: Date,
  ): Promise<RunbookRun | undefined> {
    const [row] = await this.store.query<Row>(
      `UPDATE runbook_runs SET step = $4, state = $5, act_request_id = COALESCE($6, act_request_id), updated_at = $7
        WHERE id = $1 AND step = $2 AND state = ANY($3) RETURNING *`,
      [id, step, [...from], to.step, to.state, to.actRequestId ?? null, now],
    );
    return row ? toRun(row) : undefined;
  }

  async recordOutcome(id: string, step: number, text: string): Promise<void> {
    await this.store.query(
      `UPDATE runbook_runs SET outcomes = outcomes || jsonb_build_object($2::text, $3::text) WHERE id = $1`,
      [id, String(step), text],
    );
  }
}
