import type { BotConfig } from '../../../config/schema.js';
import type { Occurrence } from '../../../maintenance/model.js';
import {
  announcementMessage,
  endedMessage,
  maintenanceListReply,
  scheduledReply,
  startedMessage,
} from '../../../views/maintenance-view.js';
import { outsideText, SAMPLE_NOW, type Sample, times } from './sample.js';

/** A window over every configured service with the longest title a person can type (120). */
function occurrence(config: BotConfig, id: number): Occurrence {
  const startsAt = new Date(SAMPLE_NOW.getTime() + id * 3_600_000);
  return {
    id,
    windowId: id,
    title: outsideText(120),
    services: config.services.map((s) => s.name),
    startsAt,
    endsAt: new Date(startsAt.getTime() + 24 * 3_600_000),
    createdBy: outsideText(80),
    silences: [],
  };
}

/** The maintenance posts and replies, with outside text wherever a person or a source puts it. */
export function maintenanceSamples(config: BotConfig): Sample[] {
  const o = occurrence(config, 1);
  // A checklist as a template renders it: our markup around escaped values.
  const checklist = times(12, (i) => `• Step ${i}: verify backups and the maintenance page`).join('\n');
  const failures = config.services.map((s) => `${s.name} in alertmanager (${outsideText(120)})`);
  return [
    { path: 'posts.maintenance.announce', message: announcementMessage(o, 1440, checklist) },
    {
      path: 'posts.maintenance.started',
      message: startedMessage(
        o,
        config.services.map((s) => `${s.name} in alertmanager`),
        failures,
      ),
    },
    { path: 'posts.maintenance.ended', message: endedMessage(o, undefined, false) },
    {
      path: 'replies.maintenance.list',
      message: maintenanceListReply(
        times(60, (i) => occurrence(config, i)),
        SAMPLE_NOW,
      ),
    },
    { path: 'replies.maintenance.schedule', message: scheduledReply(o, [1440, 120]) },
  ];
}
