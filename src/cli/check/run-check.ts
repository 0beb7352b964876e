import type { Writable } from 'node:stream';
import { commandDescriptions } from '../../../commands/index.js';
import { ConfigError, loadConfig } from '../../config/load-config.js';
import { IncidentTemplates, TemplateError } from '../../incident/templates.js';
import { ChecklistError, Checklists } from '../../maintenance/checklists.js';
import { notificationText } from '../../views/blocks.js';
import { blockKitProblems } from './block-kit-limits.js';
import { escapingProblems } from './escaping.js';
import { sampleReplies } from './sample-replies.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `bers-bot check [config]`: the config as the bot would load it (same environment substitution),
 * its templates, then every reply rendered with sample data against Slack's limits and escaping.
 * Returns the exit code: 0 when all is well, 1 with one `path: problem` line per problem.
 */
export async function runCheck(file: string | undefined, env: Env, out: Writable): Promise<number> {
  const path = file ?? env.BERS_CONFIG ?? './bers.config.yaml';
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadConfig(path, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    out.write(`${error.message}\n`);
    return 1;
  }
  let templates: IncidentTemplates;
  try {
    templates = await IncidentTemplates.load(config.incidents.templatesDir);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    out.write(`${path}: 1 problem\n  templates: ${error.message}\n`);
    return 1;
  }
  try {
    await Checklists.forWindows(config.maintenance.windows);
  } catch (error) {
    if (!(error instanceof ChecklistError)) throw error;
    out.write(`${path}: 1 problem\n  maintenance.windows: ${error.message}\n`);
    return 1;
  }
  const samples = sampleReplies(config, commandDescriptions(), templates);
  const problems = samples.flatMap((s) => {
    // As Slack receives it: a message's top-level text is plain, escaped at the Slack edge.
    const wire = { ...s.message, text: notificationText(s.message.text) };
    return [...blockKitProblems(wire), ...escapingProblems(wire)].map((p) => `${s.path}: ${p}`);
  });
  const services = config.services.length;
  const counted = `${services} service${services === 1 ? '' : 's'}, 4 templates, ${samples.length} replies rendered with sample data`;
  if (problems.length === 0) {
    out.write(`${path}: ok (${counted}; all within Slack's limits, outside text escaped)\n`);
    return 0;
  }
  const lines = problems.map((p) => `  ${p}`).join('\n');
  out.write(
    `${path}: ${problems.length} problem${problems.length === 1 ? '' : 's'} (${counted})\n${lines}\n`,
  );
  return 1;
}
