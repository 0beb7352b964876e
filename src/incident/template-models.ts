/** The typed view model of each template in templates/; every field is always present (strict mode). */
export interface InitialReportModel {
  number: number;
  severity: string;
  severityDescription: string;
  title: string;
  status: string;
  impact: string;
  services: string;
  startTime: string;
  nextUpdate: string;
  commander: string;
  lead: string;
  comms: string;
  channel: string;
  declaredBy: string;
  /** Empty until someone acknowledges. */
  acknowledgedBy: string;
  acknowledgedAt: string;
}

export interface StatusUpdateModel {
  number: number;
  severity: string;
  title: string;
  status: string;
  text: string;
  author: string;
  postedAt: string;
  nextUpdate: string;
  channel: string;
}

export interface ResolutionReportModel {
  number: number;
  severity: string;
  title: string;
  resolution: string;
  /** Empty when not given. */
  rootCause: string;
  duration: string;
  resolvedBy: string;
  resolvedAt: string;
  channel: string;
  postMortemDueHours: number;
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
  commander: string;
  lead: string;
  resolution: string;
  rootCause: string;
  timeline: { at: string; actor: string; text: string }[];
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
    commander: '<@U1>',
    lead: '<@U2>',
    comms: '<@U3>',
    channel: '#inc-1-checkout-is-failing',
    declaredBy: '<@U1>',
    acknowledgedBy: '<@U2>',
    acknowledgedAt: '2026-01-05 08:05 UTC',
  },
  'status-update': {
    number: 1,
    severity: 'P1',
    title: 'Checkout is failing',
    status: 'IDENTIFIED',
    text: 'A bad deploy; rolling back.',
    author: '<@U1>',
    postedAt: '2026-01-05 08:20 UTC',
    nextUpdate: '2026-01-05 08:50 UTC',
    channel: '#inc-1-checkout-is-failing',
  },
  'resolution-report': {
    number: 1,
    severity: 'P1',
    title: 'Checkout is failing',
    resolution: 'Rolled back to the previous release',
    rootCause: 'A missing database index',
    duration: '1h 5m',
    resolvedBy: '<@U1>',
    resolvedAt: '2026-01-05 09:05 UTC',
    channel: '#inc-1-checkout-is-failing',
    postMortemDueHours: 24,
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
    commander: '@ada',
    lead: '@bob',
    resolution: 'Rolled back',
    rootCause: 'A missing index',
    timeline: [{ at: '08:00', actor: '@ada', text: 'Declared' }],
  },
};
