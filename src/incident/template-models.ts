import { type Mrkdwn, md, type Text, userMention } from '../core/mrkdwn.js';

/**
 * The typed view model of each template in templates/; every field is always present (strict
 * mode). A `string` field is plain text and is escaped where the template puts it; a `Mrkdwn`
 * field is markup we built (mentions, the channel link) and goes in as is.
 */
export interface InitialReportModel {
  number: number;
  severity: string;
  severityDescription: string;
  title: string;
  status: string;
  /** Our `_being assessed_` when there is none yet. */
  impact: Text;
  services: Text;
  startTime: string;
  /** The time, and how late once it is overdue. */
  nextUpdate: Text;
  commander: Mrkdwn;
  lead: Mrkdwn;
  comms: Mrkdwn;
  channel: Mrkdwn;
  declaredBy: Mrkdwn;
  /** Empty until someone acknowledges; a mention (Slack) or a name (PagerDuty). */
  acknowledgedBy: Text;
  acknowledgedAt: string;
  /** Where the page is in PagerDuty (`🔴 Triggered in PagerDuty #7, assigned to …`); empty when never paged. */
  paging: Text;
  /** A link to the post-mortem once recorded; empty until then. */
  postMortem: Text;
  /** The bridge or meeting link (`incidents.channel.bridgeUrl`), empty when none is configured. */
  bridge: Text;
}

export interface StatusUpdateModel {
  number: number;
  severity: string;
  title: string;
  status: string;
  text: string;
  author: Mrkdwn;
  postedAt: string;
  nextUpdate: Text;
  channel: Mrkdwn;
}

export interface ResolutionReportModel {
  number: number;
  severity: string;
  title: string;
  resolution: string;
  /** Empty when not given. */
  rootCause: string;
  duration: string;
  resolvedBy: Mrkdwn;
  resolvedAt: string;
  channel: Mrkdwn;
  postMortemDueHours: number;
  /** `24 hours`, `an hour`: the due time as a phrase. */
  postMortemDue: string;
}

export interface PostMortemModel {
  number: number;
  severity: string;
  title: string;
  impact: string;
  services: string;
  declaredAt: string;
  acknowledgedAt: string;
  resolvedAt: string;
  duration: string;
  timeToAcknowledge: string;
  commander: Mrkdwn;
  lead: Mrkdwn;
  resolution: string;
  rootCause: string;
  /** `text` keeps the people it mentions (`<@U…>`); everything else in it is escaped. */
  timeline: { at: string; actor: Mrkdwn; text: Mrkdwn }[];
}

export interface TemplateModels {
  'initial-report': InitialReportModel;
  'status-update': StatusUpdateModel;
  'resolution-report': ResolutionReportModel;
  'post-mortem': PostMortemModel;
}

export type TemplateName = keyof TemplateModels;

/** Sample models: every template is rendered with these at start-up, so an unknown field fails early. */
export const SAMPLE_MODELS: TemplateModels = {
  'initial-report': {
    number: 1,
    severity: 'P1',
    severityDescription: 'Major functionality broken',
    title: 'Checkout is failing',
    status: 'INVESTIGATING',
    impact: 'Payments fail for all users',
    services: 'checkout',
    startTime: '2026-01-05 08:00 UTC',
    nextUpdate: '2026-01-05 08:30 UTC',
    commander: userMention('U1'),
    lead: userMention('U2'),
    comms: userMention('U3'),
    channel: md`#inc-1-checkout-is-failing`,
    declaredBy: userMention('U1'),
    acknowledgedBy: 'bob',
    acknowledgedAt: '2026-01-05 08:05 UTC',
    paging: md`🔴 Triggered in PagerDuty #7, assigned to Grace Hopper`,
    postMortem: md`<https://wiki.example.com/pm/1|read it>`,
    bridge: md`<https://meet.example.com/bers-bridge|join the bridge>`,
  },
  'status-update': {
    number: 1,
    severity: 'P1',
    title: 'Checkout is failing',
    status: 'IDENTIFIED',
    text: 'A bad deploy; rolling back.',
    author: userMention('U1'),
    postedAt: '2026-01-05 08:20 UTC',
    nextUpdate: '2026-01-05 08:50 UTC',
    channel: md`#inc-1-checkout-is-failing`,
  },
  'resolution-report': {
    number: 1,
    severity: 'P1',
    title: 'Checkout is failing',
    resolution: 'Rolled back to the previous release',
    rootCause: 'A missing database index',
    duration: '1h 5m',
    resolvedBy: userMention('U1'),
    resolvedAt: '2026-01-05 09:05 UTC',
    channel: md`#inc-1-checkout-is-failing`,
    postMortemDueHours: 24,
    postMortemDue: '24 hours',
  },
  'post-mortem': {
    number: 1,
    severity: 'P1',
    title: 'Checkout is failing',
    impact: 'Payments fail for all users',
    services: 'checkout',
    declaredAt: '2026-01-05 08:00 UTC',
    acknowledgedAt: '2026-01-05 08:05 UTC',
    resolvedAt: '2026-01-05 09:05 UTC',
    duration: '1h 5m',
    timeToAcknowledge: '5m',
    commander: userMention('U1'),
    lead: userMention('U2'),
    resolution: 'Rolled back',
    rootCause: 'A missing index',
    timeline: [{ at: '08:00', actor: userMention('U1'), text: md`Declared` }],
  },
};
