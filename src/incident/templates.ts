import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { BersError, ErrorCode } from '../core/errors.js';
import { projectRoot } from '../store/project-root.js';
import { unknownFields } from './template-fields.js';
import { SAMPLE_MODELS, type TemplateModels, type TemplateName } from './template-models.js';

export const DEFAULT_TEMPLATES_DIR = join(projectRoot(), 'templates');
const NAMES = Object.keys(SAMPLE_MODELS) as TemplateName[];

/** A template that cannot be used: the bot refuses to start, naming the file. */
export class TemplateError extends BersError {
  constructor(file: string, problem: string) {
    super(ErrorCode.Config, `template ${file}: ${problem}`);
  }
}

type Compiled = (model: object) => string;

/**
 * The incident communication templates, compiled once (Handlebars, strict mode, no HTML escaping:
 * the output is Slack mrkdwn and the view models escape user text). An override directory replaces
 * files by name. Each template is test-rendered with its sample model here, so a template that
 * uses an unknown field fails at start-up rather than mid-incident.
 */
export class IncidentTemplates {
  private constructor(private readonly compiled: Map<TemplateName, Compiled>) {}

  static async load(overrideDir?: string): Promise<IncidentTemplates> {
    const compiled = new Map<TemplateName, Compiled>();
    for (const name of NAMES) {
      const file = await pick(name, overrideDir);
      const source = await readFile(file, 'utf8');
      let template: Compiled;
      try {
        const unknown = unknownFields(source, SAMPLE_MODELS[name]);
        if (unknown.length > 0)
          throw new Error(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
        const hbs = Handlebars.create();
        template = hbs.compile(source, { strict: true, noEscape: true });
        template(SAMPLE_MODELS[name]);
      } catch (error) {
        throw new TemplateError(file, (error as Error).message.split('\n')[0]!);
      }
      compiled.set(name, template);
    }
    return new IncidentTemplates(compiled);
  }

  render<N extends TemplateName>(name: N, model: TemplateModels[N]): string {
    return this.compiled.get(name)!(model)
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
}

async function pick(name: TemplateName, overrideDir?: string): Promise<string> {
  const fileName = `${name}.hbs`;
  if (overrideDir) {
    const candidate = join(overrideDir, fileName);
    try {
      await readFile(candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new TemplateError(candidate, (error as Error).message);
      }
    }
  }
  return join(DEFAULT_TEMPLATES_DIR, fileName);
}
