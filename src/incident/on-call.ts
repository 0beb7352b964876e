/** One person on call, as the on-call port answers (PagerDuty's adapter fills it). */
export interface OnCallEntry {
  /** The escalation policy or schedule this row belongs to. */
  source: { kind: 'escalation policy' | 'schedule'; id: string; name: string };
  level: number;
  user: { id: string; name: string; email?: string };
  until?: Date;
}

export interface OnCallPerson extends OnCallEntry {
  /** The Slack user whose e-mail matches the PagerDuty one, if any (views mention them). */
  slackUserId?: string;
}

export interface OnCallAnswer {
  service?: string;
  people: OnCallPerson[];
  at: Date;
}

/**
 * Who is on call for a service (or everything configured): the port `/bers oncall` uses, so the
 * command knows no vendor. integrations/pagerduty/oncall-service.ts implements it.
 */
export interface OnCall {
  lookup(service?: string): Promise<OnCallAnswer>;
}
