import type { AuditRecord } from '../core/audit.js';
import type { Reply } from '../core/message.js';
import { truncatePlain } from '../core/truncate.js';
import { capBlocks, context, header } from './blocks.js';
import { pageFooter, pageOfLines } from './message-budget.js';

const ICON: Record<string, string> = {
  ok: ':white_check_mark:',
  succeeded: ':white_check_mark:',
  verified: ':white_check_mark:',
  confirmed: ':white_check_mark:',
  requested: ':hourglass_flowing_sand:',
  denied: ':no_entry:',
  failed: ':x:',
  unverified: ':x:',
  error: ':boom:',
};

function line(r: AuditRecord): string {
  const at = r.at.toISOString().slice(0, 19).replace('T', ' ');
  const tailText =
    typeof r.details?.outputTail === 'string' && r.details.outputTail
      ? ` · output: \`${truncatePlain(r.details.outputTail.replace(/\s+/g, ' ').slice(-120), 120)}\``
      : '';
  // Plain text throughout (names, command text, output): the section escapes it.
  return `${ICON[r.outcome] ?? '•'} ${at} *${r.actorName}* ${r.kind === 'operation' ? '' : `${r.kind} `}\`${r.subject}\` ${truncatePlain(r.text, 200)} → *${r.outcome}*${tailText}`;
}

/** `/bers audit`: newest first, a page at a time within what Slack accepts in one message. */
export function auditReply(
  records: readonly AuditRecord[],
  service?: string,
  page = 1,
  command = 'audit',
): Reply {
  const title = `Audit${service ? ` of ${service}` : ''}: last ${records.length}`;
  if (records.length === 0) return { text: `${title}: nothing recorded yet.` };
  const shown = pageOfLines(records.map(line), page);
  const paging =
    shown.pages > 1 ? `${pageFooter(shown, (n) => `${command} page ${n}`, records.length)} · ` : '';
  return {
    text: title,
    blocks: capBlocks([
      header(title),
      ...shown.sections,
      context(`${paging}Times in UTC. Every command, button and operation is recorded.`),
    ]),
  };
}
