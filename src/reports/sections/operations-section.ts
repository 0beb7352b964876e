import type { Queryable } from '../../store/store.js';
import type { OperationsSectionData, ReportSection } from '../report-model.js';

const DAY_MS = 86_400_000;
const LIST_AT_MOST = 15;

interface OperationRow {
  at: Date;
  subject: string;
  service: string;
  actor_name: string;
  outcome: string;
  text: string;
  total: string | number;
}

/**
 * Restarts and rollbacks of the last 24 h, from the audit log: the actions area records each as
 * kind `operation` with the subject naming the action and `service` set. The audit log is always
 * there, so this section always shows; "none" is news worth a line after a quiet night.
 */
export function operationsSection(store: Queryable): ReportSection {
  return {
    id: 'operations',
    title: 'Restarts and rollbacks (24 h)',
    async gather(now): Promise<OperationsSectionData> {
      const rows = await store.query<OperationRow>(
        `SELECT at, subject, service, actor_name, outcome, text, count(*) OVER () AS total
           FROM audit_events
          WHERE kind = 'operation' AND service IS NOT NULL
            AND subject ~* '(^|[^a-z])(restart|rollback)'
            AND at > $1 AND at <= $2
          ORDER BY at DESC, id DESC
          LIMIT $3`,
        [new Date(now.getTime() - DAY_MS), now, LIST_AT_MOST],
      );
      return {
        kind: 'operations',
        total: Number(rows[0]?.total ?? 0),
        lines: rows.map((r) => ({
          at: new Date(r.at),
          action: /rollback/i.test(r.subject) ? 'rollback' : 'restart',
          service: r.service,
          actor: r.actor_name,
          outcome: r.outcome,
          text: r.text,
        })),
      };
    },
  };
}
