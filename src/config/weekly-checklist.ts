/** A titled list of things to do, as posted by the weekly maintenance reminder. */
export interface ChecklistGroup {
  title: string;
  items: string[];
}

/**
 * The seeds' weekly maintenance (BERS runbook: "Weekly Maintenance (Sundays 02:00 UTC)";
 * Unjucks runbook: the Sunday 02:00–04:00 UTC window and its pre-maintenance checklist).
 */
export const SEED_WEEKLY_CHECKLIST: ChecklistGroup[] = [
  {
    title: 'BERS weekly maintenance',
    items: [
      'Clear old logs, keep 30 days: `find /var/log/bers -name "*.log" -mtime +30 -delete`',
      'Clean up the metrics cache: `POST /api/monitoring/cache/cleanup`',
      'Optimise the configuration cache: `POST /api/config/cache/optimize`',
      'Update performance baselines: `npm run baselines:update`',
    ],
  },
  {
    title: 'Before the window (Sunday 02:00–04:00 UTC)',
    items: [
      'Final backup verification',
      'Disable automated deployments',
      'Set up the maintenance page',
      'Join the maintenance bridge call',
      'Verify team availability',
    ],
  },
  {
    title: 'First Sunday of the month (01:00–05:00 UTC)',
    items: [
      'Full system backup: `npm run backup:full`',
      'Security audit: `npm run security:audit`',
      'Performance analysis: `npm run performance:analyze`',
      'Safe dependency updates (after testing): `npm run dependencies:update:safe`',
    ],
  },
];
