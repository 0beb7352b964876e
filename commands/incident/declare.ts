import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { freeText } from '../../src/core/command-text.js';
import { UsageError } from '../../src/core/errors.js';
import { declaredReply } from '../../src/views/incident-replies.js';
import { type DeclareWords, parseDeclareWords } from './declare-flags.js';
import type { IncidentCommandDeps } from './incident-command-deps.js';
import { parseUser } from './target.js';

const args = z.array(z.string()).transform((tokens, ctx): DeclareWords => {
  const parsed = parseDeclareWords(tokens);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

export const createDeclareCommand = (deps: IncidentCommandDeps): Command<DeclareWords> => ({
  name: 'declare',
  summary:
    'declare an incident: a channel, the initial report, paging per severity; you are its commander unless you name another',
  usage: [
    'declare <severity> <title…> [--service <name>]… [--impact "<text>"] [--commander <@user|none>] [--private]',
  ],
  examples: [
    'incident declare P1 checkout is failing',
    'incident declare P1 checkout failing --service unjucks-api --impact "EU checkout 500s" --commander @ada',
    'incident declare P0 --private leaked credentials',
  ],
  permission: 'incident',
  args,
  async run(words, ctx) {
    const { incidents } = deps;
    if (!words.severity) {
      throw new UsageError('Give a severity and a title, e.g. `P1 checkout is failing`.', 'incident declare');
    }
    const { incident, created } = await incidents.declare(
      {
        severity: words.severity,
        title: freeText(words.title),
        services: words.services.map((s) => s.toLowerCase()),
        impact: words.impact === undefined ? undefined : freeText([words.impact]),
        commanderId: commanderOf(words.commander, ctx),
        isPrivate: words.isPrivate,
        // Slack gives each invocation its own trigger id: a replayed request cannot declare twice.
        requestKey: ctx.triggerId ? `trigger:${ctx.triggerId}` : undefined,
      },
      ctx.actor,
    );
    return declaredReply(incident, created, deps.chat);
  },
});

/** Undefined: the declarer leads. `none`: nobody yet (someone takes it later; the bot flags it). */
function commanderOf(
  token: string | undefined,
  ctx: Parameters<Command['run']>[1],
): string | null | undefined {
  if (token === undefined) return undefined;
  if (token.toLowerCase() === 'none') return null;
  const id = parseUser(token, ctx, 'incident declare');
  if (!id) {
    throw new UsageError(
      `\`--commander\` takes a person, mentioned with @ (or \`none\`), not \`${token.slice(0, 40)}\`.`,
      'incident declare',
    );
  }
  return id;
}
