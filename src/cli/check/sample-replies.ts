import type { BotConfig } from '../../config/schema.js';
import type { AnyCommand } from '../../core/command.js';
import type { IncidentTemplates } from '../../incident/templates.js';
import { healthSamples } from './samples/health-samples.js';
import { helpSamples } from './samples/help-samples.js';
import { incidentSamples } from './samples/incident-samples.js';
import { maintenanceSamples } from './samples/maintenance-samples.js';
import { operationsSamples } from './samples/operations-samples.js';
import type { Sample } from './samples/sample.js';

/**
 * Every reply and post the bot makes, rendered through the real views with sample data sized by
 * the config (all its services failing, long outside text, full lists), so what Slack would
 * refuse shows up here rather than mid-incident.
 */
export function sampleReplies(
  config: BotConfig,
  commands: readonly AnyCommand[],
  templates: IncidentTemplates,
): Sample[] {
  return [
    ...helpSamples(commands),
    ...healthSamples(config),
    ...incidentSamples(config, templates),
    ...operationsSamples(config),
    ...maintenanceSamples(config),
  ];
}
