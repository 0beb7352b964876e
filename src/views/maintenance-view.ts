import type { Message, Reply } from '../core/message.js';
import { joinMrkdwn, md, trustedMrkdwn } from '../core/mrkdwn.js';
import type { HealthReport } from '../health/model.js';
import { leadText, utcText } from '../maintenance/maintenance-text.js';
import type { Occurrence } from '../maintenance/model.js';
import { capBlocks, context, header, packedSections, section } from './blocks.js';
import { STATUS_EMOJI } from './health-view.js';

function span(o: Occurrence): string {
  const sameDay = o.startsAt.toISOString().slice(0, 10) === o.endsAt.toISOString().slice(0, 10);
  return `${utcText(o.startsAt).slice(0, -4)}–${sameDay ? utcText(o.endsAt).slice(11) : utcText(o.endsAt)}`;
}

function label(o: Occurrence): string {
  return `#${o.id} ${o.title}`;
}

/** The announcement N hours ahead, with the checklist (already rendered mrkdwn from the template). */
export function announcementMessage(o: Occurrence, leadMinutes: number, checklist: string): Message {
  const title = `🔧 Maintenance in ${leadText(leadMinutes)}`;
  return {
    text: `${title}: ${o.title} (${o.services.join(', ')}, ${span(o)})`,
    blocks: capBlocks([
      // The title is outside text: in the section, escaped, never in the plain_text header.
      header(title),
      section(md`*${o.title}* · ${o.services.join(', ')} · ${span(o)} · window ${`#${o.id}`}`),
      ...(checklist.trim() ? [section(trustedMrkdwn(checklist.trim().slice(0, 2900)))] : []),
      context('Alerts of these services are silenced for the window; restarts need no second person in it.'),
    ]),
  };
}

export function startedMessage(o: Occurrence, silenced: string[], failures: string[]): Message {
  const lines = [
    md`🔧 *Maintenance started:* ${label(o)} — ${o.services.join(', ')} until ${utcText(o.endsAt)}`,
    ...(silenced.length > 0 ? [md`Silenced: ${silenced.join('; ')}`] : []),
    ...(failures.length > 0 ? [md`:warning: Could not silence: ${failures.join('; ')}`] : []),
  ];
  const text = joinMrkdwn(lines, '\n');
  return { text: String(text).slice(0, 300), blocks: [section(text)] };
}

export function endedMessage(o: Occurrence, health: HealthReport | undefined, cancelled: boolean): Message {
  const verb = cancelled ? 'cancelled' : 'over';
  const lines = (health?.services ?? []).map(
    (s) => md`${trustedMrkdwn(STATUS_EMOJI[s.status])} *${s.service}* ${s.status}`,
  );
  return {
    text: `✅ Maintenance ${verb}: ${label(o)}`,
    blocks: capBlocks([
      section(md`✅ *Maintenance ${verb}:* ${label(o)} — silences expired, the usual rules apply again.`),
      ...packedSections(lines),
    ]),
  };
}

/** `/bers maintenance list`. */
export function maintenanceListReply(occurrences: Occurrence[], now: Date): Reply {
  const lines = occurrences.map((o) => {
    const now_ = o.startsAt <= now ? ' · *in progress*' : '';
    const origin = o.configName ? `recurring \`${o.configName}\`` : `by ${o.createdBy}`;
    return md`*${label(o)}* — ${o.services.join(', ')} · ${span(o)}${now_} · ${origin}`;
  });
  return {
    text:
      occurrences.length > 0
        ? `${occurrences.length} maintenance windows`
        : 'No maintenance windows scheduled',
    blocks: capBlocks([
      header('Maintenance windows'),
      ...(lines.length > 0 ? packedSections(lines) : [section('No maintenance windows are scheduled.')]),
      context(
        '`/bers maintenance schedule <services…> <start> <duration> [title…]` · `/bers maintenance cancel <id>`',
      ),
    ]),
  };
}

export function scheduledReply(o: Occurrence, announcements: number[]): Reply {
  const ahead =
    announcements.length > 0
      ? `announced ${announcements.map(leadText).join(' and ')} ahead`
      : 'too soon to announce ahead';
  return {
    text: `Scheduled maintenance #${o.id}`,
    blocks: [section(md`🔧 Scheduled ${label(o)}: ${o.services.join(', ')} · ${span(o)} (${ahead}).`)],
    visibility: 'in_channel',
  };
}

/** A line for health and the report: `🔧 in maintenance until 04:00 UTC`. */
export function maintenanceNote(o: Occurrence): string {
  return `🔧 in maintenance until ${o.endsAt.toISOString().slice(11, 16)} UTC`;
}
