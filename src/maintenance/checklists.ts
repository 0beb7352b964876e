import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { projectRoot } from '../core/project-root.js';
import { compileMrkdwn } from '../incident/mrkdwn-handlebars.js';

export const DEFAULT_CHECKLIST = 'templates/pre-maintenance.hbs';

/** What a checklist template is given: `{{#if dayAhead}}` picks the 24 h list over the 2 h one. */
export interface ChecklistModel {
  title: string;
  services: string;
  lead: string;
  leadMinutes: number;
  dayAhead: boolean;
  startsAt: string;
  endsAt: string;
}

/** A checklist template that cannot be read or rendered: the bot does not start, `check` says so. */
export class ChecklistError extends Error {}

const SAMPLE: ChecklistModel = {
  title: 'Weekly maintenance',
  services: 'unjucks-api',
  lead: '2 h',
  leadMinutes: 120,
  dayAhead: false,
  startsAt: '2026-12-06 02:00 UTC',
  endsAt: '2026-12-06 04:00 UTC',
};

/**
 * The pre-maintenance checklists, compiled and test-rendered once at start-up (strict mode: a
 * template naming an unknown field fails there, not at 02:00 on a Sunday). Paths are relative to
 * the project root unless absolute.
 */
export class Checklists {
  private constructor(private readonly compiled: Map<string, (model: ChecklistModel) => string>) {}

  /** The default checklist and every window's own. */
  static forWindows(windows: readonly { checklist?: string }[]): Promise<Checklists> {
    return Checklists.load(windows.flatMap((w) => (w.checklist ? [w.checklist] : [])));
  }

  static async load(paths: readonly string[]): Promise<Checklists> {
    const compiled = new Map<string, (model: ChecklistModel) => string>();
    for (const path of new Set([DEFAULT_CHECKLIST, ...paths])) {
      const file = isAbsolute(path) ? path : join(projectRoot(), path);
      try {
        const template = compileMrkdwn(await readFile(file, 'utf8'));
        template(SAMPLE);
        template({ ...SAMPLE, dayAhead: true, lead: '24 h', leadMinutes: 1440 });
        compiled.set(path, template);
      } catch (error) {
        throw new ChecklistError(`maintenance checklist ${file}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    return new Checklists(compiled);
  }

  /** Mrkdwn: the template's text is ours and every value was escaped on the way in. */
  render(path: string | undefined, model: ChecklistModel): string {
    const template = this.compiled.get(path ?? DEFAULT_CHECKLIST)!;
    return template(model)
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
}
