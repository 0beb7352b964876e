import type { ChecklistGroup } from '../../config/weekly-checklist.js';
import type { ChecklistSectionData, ReportSection } from '../report-model.js';

/** The weekly maintenance checklist (from config; the seeds' runbooks by default). */
export function checklistSection(groups: readonly ChecklistGroup[]): ReportSection {
  return {
    id: 'checklist',
    title: 'Weekly maintenance',
    async gather(): Promise<ChecklistSectionData> {
      return {
        kind: 'checklist',
        intro: 'Maintenance window: Sunday 02:00–04:00 UTC (low traffic).',
        groups: groups.map((g) => ({ title: g.title, items: [...g.items] })),
      };
    },
  };
}
