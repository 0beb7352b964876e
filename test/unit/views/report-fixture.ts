import type { Report } from '../../../src/reports/report-model.js';

/** A daily report with one section of each kind, a late run and a failed section. */
const at = new Date('2026-01-05T09:00:00Z');

export const report: Report = {
  kind: 'daily-health',
  title: 'Daily health',
  at,
  timezone: 'UTC',
  late: { slot: at, reason: 'the bot was down' },
  failures: [{ id: 'kpis', title: 'KPIs', error: 'prometheus down' }],
  durationMs: 10,
  sections: [
    {
      id: 'health',
      title: 'Health',
      data: {
        kind: 'health',
        overall: 'unhealthy',
        counts: { unhealthy: 1 },
        total: 1,
        attention: [{ service: 'db', status: 'unhealthy', reason: 'down' }],
        checkedInMs: 3,
      },
    },
    {
      id: 'alerts',
      title: 'Alerts',
      data: {
        kind: 'alerts',
        total: 1,
        bySeverity: [
          { severity: 'critical', alerts: [{ name: 'HighErrorRate', service: 'web', since: at }] },
        ],
      },
    },
    {
      id: 'incidents',
      title: 'Incidents',
      data: {
        kind: 'incidents',
        open: [{ id: '#1', title: 'Checkout', severity: 'P1', status: 'investigating', declaredAt: at }],
        lastDay: [],
        weekCount: 1,
      },
    },
    {
      id: 'ops',
      title: 'Operations',
      data: {
        kind: 'operations',
        total: 1,
        lines: [{ at, action: 'restart', service: 'web', actor: 'ada', outcome: 'verified', text: 't' }],
      },
    },
    {
      id: 'check',
      title: 'Checklist',
      data: { kind: 'checklist', intro: 'Weekly', groups: [{ title: 'Backups', items: ['restore one'] }] },
    },
  ],
};
