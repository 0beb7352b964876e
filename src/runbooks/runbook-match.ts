import type { Runbook } from '../config/runbook-schema.js';
import { labelPattern } from '../core/written-regex.js';

/**
 * The first runbook whose `matches` all hold for these labels (a `/…/` value must match the whole
 * label, as alert routes do). `alertname` falls back to the alert's name for sources without labels.
 */
export function runbookFor(
  runbooks: readonly Runbook[],
  alert: { name: string; labels: Record<string, string> },
): Runbook | undefined {
  const labels: Record<string, string> = { alertname: alert.name, ...alert.labels };
  return runbooks.find((runbook) => {
    const matches = Object.entries(runbook.matches ?? {});
    return (
      matches.length > 0 &&
      matches.every(([label, want]) => {
        const value = labels[label];
        if (value === undefined) return false;
        return labelPattern(want)?.test(value) ?? value === want;
      })
    );
  });
}
