import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BersError, ErrorCode } from '../core/errors.js';
import { type Mrkdwn, trustedMrkdwn } from '../core/mrkdwn.js';
import { projectRoot } from '../core/project-root.js';
import { compileMrkdwn } from './mrkdwn-handlebars.js';
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
 * The incident communication templates, compiled once (Handlebars, strict mode, `{{x}}` escaping
 * for Slack mrkdwn rather than HTML: see compileMrkdwn). An override directory replaces
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
        template = compileMrkdwn(source);
        template(SAMPLE_MODELS[name]);
      } catch (error) {
        throw new TemplateError(file, (error as Error).message.split('\n')[0]!);
      }
      compiled.set(name, template);
    }
    return new IncidentTemplates(compiled);
  }

  /** Mrkdwn: the template's own text is ours, and every value in it was escaped on the way in. */
  render<N extends TemplateName>(name: N, model: TemplateModels[N]): Mrkdwn {
    return trustedMrkdwn(
      this.compiled.get(name)!(model)
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    );
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
