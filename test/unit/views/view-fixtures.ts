import type { ActionRequest } from '../../../src/actions/action-request.js';
import type { AlertListing } from '../../../src/alerts/alert-service.js';
import type { StoredNotification } from '../../../src/alerts/notification-store.js';
import type { Chat } from '../../../src/core/chat.js';
import type { HealthReport } from '../../../src/health/model.js';
import type { Incident, TimelineEntry } from '../../../src/incident/model.js';
import type { OnCallAnswer } from '../../../src/incident/on-call.js';
import type { KpiRow, MetricDetail } from '../../../src/metrics/metric-service.js';
import type { AuditRecord } from '../../../src/store/audit-log.js';

/** One realistic value of each view's input; tests poison every string in them. */
const at = new Date('2026-01-05T09:00:00Z');

export const chat = { channelLink: (id: string) => `https://team.slack.com/archives/${id}` } as Chat;
export const ourLink = (url: string) => url.startsWith('https://team.slack.com/archives/');

export const health: HealthReport = {
  at,
  durationMs: 12,
  overall: 'unhealthy',
  services: [
    {
      service: 'checkout',
      description: 'the shop',
      status: 'unhealthy',
      latencyMs: 40,
      reason: 'HTTP 503',
      checks: [
        {
          name: 'api',
          kind: 'http',
          critical: true,
          status: 'unhealthy',
          latencyMs: 40,
          reason: 'HTTP 503',
          components: [{ name: 'db', status: 'unhealthy', reason: 'down' }],
        },
      ],
    },
  ],
};

export const alerts: AlertListing = {
  alerts: [
    {
      id: '3f9a2c',
      key: 'k',
      source: 'alertmanager',
      severity: 'critical',
      name: 'HighErrorRate',
      service: 'checkout',
      summary: 'errors above 5%',
      startsAt: at,
      state: 'active',
      labels: { alertname: 'HighErrorRate' },
    },
  ],
  failures: [{ source: 'bers', reason: 'bers did not answer' }],
  sources: ['alertmanager', 'bers'],
};

export const notification: StoredNotification = {
  id: 'n1',
  groupKey: 'g',
  status: 'firing',
  note: 'Acknowledged by <@U0ADA> — silenced for 30 min',
  group: {
    key: 'g',
    status: 'firing',
    groupLabels: { alertname: 'HighErrorRate' },
    labels: { alertname: 'HighErrorRate', severity: 'critical', service: 'checkout' },
    annotations: { summary: 'Checkout errors' },
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'HighErrorRate', instance: 'web-1' },
        annotations: { description: 'errors above 5%' },
        startsAt: at.toISOString(),
      },
    ],
  },
};

export const audit: AuditRecord[] = [
  {
    id: 1,
    at,
    kind: 'command',
    actorId: 'U0ADA',
    actorName: 'ada',
    channelId: 'C1',
    channelName: 'ops',
    subject: 'incident declare',
    text: 'incident declare P1 checkout',
    outcome: 'ok',
    details: { outputTail: 'restarted' },
    correlationId: 'c1',
  } as AuditRecord,
];

export const action: ActionRequest = {
  id: 'r1',
  kind: 'rollback',
  service: 'checkout',
  environment: 'prod',
  executor: 'kubernetes deployment/checkout -n prod',
  revision: '41',
  args: {},
  state: 'requested',
  requestedBy: { id: 'U0ADA', name: 'ada' },
  confirmedBy: { id: 'U0BOB', name: 'bob' },
  channelId: 'C1',
  twoPerson: true,
  requestedAt: at,
  expiresAt: at,
  correlationId: 'c1',
};

export const kpi: KpiRow = {
  definition: { name: 'error-rate', title: 'Error rate', unit: '%', target: 1, comparison: 'below' },
  current: 0.5,
  status: 'ok',
  error: 'prometheus said no',
} as KpiRow;

export const metric: MetricDetail = {
  ...kpi,
  period: { text: '1h', ms: 3_600_000 },
  stats: { count: 3, average: 1, p95: 2, max: 3, min: 0 },
  points: [],
};

export const oncall: OnCallAnswer = {
  service: 'checkout',
  at,
  people: [
    {
      source: { kind: 'schedule', id: 'P1', name: 'Web primary' },
      level: 1,
      user: { id: 'PU1', name: 'Ada Lovelace', email: 'ada@example.com' },
      slackUserId: 'U0ADA',
      until: at,
    },
  ],
};

export const incident: Incident = {
  id: 1,
  number: 12,
  title: 'Checkout is failing',
  severity: 'P1',
  status: 'identified',
  impact: 'payments fail',
  services: ['checkout'],
  isPrivate: false,
  commanderId: 'U0ADA',
  declaredById: 'U0ADA',
  declaredByName: 'ada',
  channelId: 'C0INC',
  channelName: 'inc-12-checkout',
  declaredAt: at,
  acknowledgedAt: at,
  acknowledgedBy: 'bob',
  resolvedAt: at,
  resolvedBy: 'U0BOB',
  resolution: 'rolled back',
  rootCause: 'a missing index',
};

export const timeline: TimelineEntry[] = [
  { at, kind: 'note', actorId: 'U0ADA', actorName: 'ada', text: 'failed over' },
  { at, kind: 'assign', text: 'Incident Commander: <@U0ADA> (assigned by bob)' },
];
