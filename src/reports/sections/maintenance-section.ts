import type { MaintenanceSectionData, ReportSection } from '../report-model.js';
import type { MaintenanceSource } from '../report-sources.js';

const DAY_MS = 86_400_000;

/**
 * Maintenance under way or due within a day: a red service in the health section above reads
 * differently when its window is on. Left out of the report when there is none (or no source).
 */
export function maintenanceSection(source: MaintenanceSource | undefined): ReportSection {
  return {
    id: 'maintenance',
    title: 'Maintenance windows',
    async gather(now): Promise<MaintenanceSectionData | undefined> {
      if (!source) return undefined;
      const soon = (await source.upcoming(now)).filter((w) => w.startsAt.getTime() <= now.getTime() + DAY_MS);
      if (soon.length === 0) return undefined;
      return {
        kind: 'maintenance',
        windows: soon.map((w) => ({ ...w, running: w.startsAt <= now })),
      };
    },
  };
}
