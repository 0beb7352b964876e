import type { AuditRecord } from '../core/audit.js';
import type { Reply } from '../core/message.js';
import { capBlocks, context, header, section } from './blocks.js';
import { truncatePlain } from './truncate.js';

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

/** `/bers audit`: newest first, ten lines per section so Slack's limits hold. */
export function auditReply(records: readonly AuditRecord[], service?: string): Reply {
  const title = `Audit${service ? ` of ${service}` : ''}: last ${records.length}`;
  if (records.length === 0) return { text: `${title}: nothing recorded yet.` };
  const blocks = [header(title)];
  for (let i = 0; i < records.length; i += 10)
    blocks.push(
      section(
        records
          .slice(i, i + 10)
          .map(line)
          .join('\n'),
      ),
    );
  blocks.push(context('Times in UTC. Every command, button and operation is recorded.'));
  return { text: title, blocks: capBlocks(blocks) };
}
