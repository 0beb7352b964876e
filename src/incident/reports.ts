import type { Chat } from '../core/chat.js';
import { type Clock, systemClock } from '../core/clock.js';
import type { Message } from '../core/message.js';
import { link, type Mrkdwn, md, textWithMentions, userMention } from '../core/mrkdwn.js';
import type { IncidentMessages } from './incident-messages.js';
import { acknowledger, channelOf, formatTime, mention, nextUpdateLine } from './incident-text.js';
import { formatDuration, type Incident, type IncidentStatus, type TimelineEntry } from './model.js';
import type { PageRecord } from './page-model.js';
import { pageSummary } from './page-text.js';
import type { SeverityPolicies } from './severity-policies.js';
import type { IncidentTemplates } from './templates.js';

/** Turns incidents into the messages people see: view models → templates → the rendering port. */
export class IncidentReports {
  constructor(
    private readonly templates: IncidentTemplates,
    private readonly policies: SeverityPolicies,
    private readonly chat: Chat,
    /** The rendering port (src/views/ implements it in Block Kit; the composition root hands it in). */
    private readonly render: IncidentMessages,
    private readonly postMortemHours: number,
    private readonly clock: Clock = systemClock,
    /** The conference bridge or meeting link, shown in the report when configured. */
    private readonly bridgeUrl?: string,
  ) {}

  initial(incident: Incident, page?: PageRecord): Message {
    const rendered = this.templates.render('initial-report', {
      number: incident.number,
      severity: incident.severity,
      severityDescription: this.policies.describe(incident.severity),
      title: incident.title,
      status: incident.status.toUpperCase(),
      impact: incident.impact || md`_being assessed_`,
      services: incident.services.join(', ') || md`_none named_`,
      startTime: formatTime(incident.declaredAt),
      nextUpdate: nextUpdateLine(incident, this.clock.now()),
      commander: mention(incident.commanderId),
      lead: mention(incident.leadId),
      comms: mention(incident.commsId),
      channel: channelOf(incident, this.chat),
      declaredBy: mention(incident.declaredById),
      acknowledgedBy: incident.acknowledgedAt ? acknowledger(incident) : '',
      acknowledgedAt: incident.acknowledgedAt ? formatTime(incident.acknowledgedAt) : '',
      paging: pageSummary(page),
      postMortem: incident.postMortemUrl ? link(incident.postMortemUrl, 'read it') : '',
      bridge: this.bridgeUrl ? link(this.bridgeUrl, 'join the bridge') : '',
    });
    return this.render.report(incident, rendered);
  }

  announcement(incident: Incident, what: 'declared' | 'updated' | 'resolved', full: Message): Message {
    return incident.isPrivate ? this.render.privateAnnouncement(incident, what) : full;
  }

  update(incident: Incident, status: IncidentStatus, text: string, authorId: string, at: Date): Message {
    const rendered = this.templates.render('status-update', {
      number: incident.number,
      severity: incident.severity,
      title: incident.title,
      status: status.toUpperCase(),
      text,
      author: mention(authorId),
      postedAt: formatTime(at),
      nextUpdate: nextUpdateLine(incident, this.clock.now()),
      channel: channelOf(incident, this.chat),
    });
    return this.render.template(incident, rendered);
  }

  resolution(incident: Incident): Message {
    const rendered = this.templates.render('resolution-report', {
      number: incident.number,
      severity: incident.severity,
      title: incident.title,
      resolution: incident.resolution ?? '',
      rootCause: incident.rootCause ?? '',
      duration: formatDuration(
        (incident.resolvedAt ?? incident.declaredAt).getTime() - incident.declaredAt.getTime(),
      ),
      resolvedBy: mention(incident.resolvedBy),
      resolvedAt: formatTime(incident.resolvedAt),
      channel: channelOf(incident, this.chat),
      postMortemDueHours: this.postMortemHours,
      postMortemDue: this.postMortemHours === 1 ? 'an hour' : `${this.postMortemHours} hours`,
    });
    return this.render.template(incident, rendered);
  }

  postMortem(incident: Incident, timeline: TimelineEntry[]): Message {
    return this.render.postMortem(incident, this.postMortemMarkdown(incident, timeline));
  }

  /** The draft as its template writes it (Markdown, with Slack's escapes and mentions). */
  postMortemMarkdown(incident: Incident, timeline: TimelineEntry[]): Mrkdwn {
    const resolvedAt = incident.resolvedAt ?? incident.declaredAt;
    const markdown = this.templates.render('post-mortem', {
      number: incident.number,
      severity: incident.severity,
      title: incident.title,
      impact: incident.impact || 'to be described',
      services: incident.services.join(', ') || 'none named',
      declaredAt: formatTime(incident.declaredAt),
      acknowledgedAt: formatTime(incident.acknowledgedAt),
      resolvedAt: formatTime(incident.resolvedAt),
      duration: formatDuration(resolvedAt.getTime() - incident.declaredAt.getTime()),
      timeToAcknowledge: incident.acknowledgedAt
        ? formatDuration(incident.acknowledgedAt.getTime() - incident.declaredAt.getTime())
        : 'never acknowledged',
      commander: mention(incident.commanderId, 'none'),
      lead: mention(incident.leadId, 'none'),
      resolution: incident.resolution ?? '',
      rootCause: incident.rootCause ?? '',
      timeline: timeline.map((e) => ({
        at: formatTime(e.at).replace(' UTC', ''),
        actor: e.actorId ? userMention(e.actorId) : md`${e.actorName ?? 'bers-bot'}`,
        text: textWithMentions(e.text),
      })),
    });
    return markdown;
  }
}
