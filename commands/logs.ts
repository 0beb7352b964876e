import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { durationMs } from '../src/core/duration.js';
import type { Services } from '../src/core/services.js';
import { lastLinesThatFit, logsReply } from '../src/views/logs-view.js';

const FLAGS = new Set(['since', 'grep', 'tail']);
const MAX_SINCE_MS = 7 * 86_400_000;

const args = z
  .array(z.string().max(200, 'an argument is at most 200 characters'))
  .transform((tokens, ctx) => {
    const positional: string[] = [];
    const flags: Record<string, string> = {};
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const flag = /^--([a-z]+)(?:=(.*))?$/.exec(token);
      if (!flag) positional.push(token);
      else if (!FLAGS.has(flag[1]!))
        ctx.addIssue({ code: 'custom', message: `unknown option \`--${flag[1]}\`` });
      else flags[flag[1]!] = flag[2] ?? tokens[++i] ?? '';
    }
    const [service, environment, ...extra] = positional;
    if (!service || extra.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected `logs <service> [environment] [--since 1h] [--grep text] [--tail 100]`',
      });
      return z.NEVER;
    }
    return { service, environment, since: flags.since ?? '1h', tail: flags.tail ?? '100', grep: flags.grep };
  })
  .pipe(
    z.object({
      service: z.string(),
      environment: z.string().or(z.undefined()),
      since: z
        .string()
        .transform((t) => durationMs(t) ?? 0)
        .refine(
          (ms) => ms >= 1000 && ms <= MAX_SINCE_MS,
          '`--since` is a duration from 1s to 7d, e.g. 15m, 1h, 24h',
        ),
      tail: z
        .string()
        .regex(/^\d{1,4}$/, '`--tail` is a number of lines from 1 to 1000')
        .transform(Number)
        .refine((n) => n >= 1 && n <= 1000, '`--tail` is a number of lines from 1 to 1000'),
      grep: z.string().min(1, '`--grep` needs the text to look for').max(200).or(z.undefined()),
    }),
  );

/** `/bers logs`: targets from the action service, the log sources, and the channel for the file. */
export interface LogsCommandDeps {
  logs: Pick<Services['logs'], 'read'>;
  actions: {
    service: Pick<Services['actions']['service'], 'target'>;
  };
  chat: Pick<Services['chat'], 'uploadFile'>;
  log: Pick<Services['log'], 'warn'>;
}

export const createLogsCommand = (deps: LogsCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'logs',
  summary: "a service's recent log lines (Kubernetes pods, Docker containers, or a configured program)",
  usage: ['logs <service> [environment] [--since 1h] [--grep text] [--tail 100]'],
  examples: ['logs unjucks-api --since 15m --grep error', 'logs backend --tail 50'],
  // The environment's `logs.roles` can narrow this further.
  permission: 'read',
  args,
  async run({ service, environment, since, tail, grep }, ctx) {
    const { actions, logs, chat, log } = deps;
    const target = actions.service.target(service, environment);
    const who = { actor: ctx.actor, channel: ctx.channel, correlationId: ctx.requestId };
    const request = { sinceSeconds: Math.round(since / 1000), tail, grep };
    const result = await logs.read(target, request, who);
    let note: string | undefined;
    if (!lastLinesThatFit(result.lines).all) {
      const filename = `${target.service}-${target.environment}-logs.txt`;
      try {
        await chat.uploadFile(ctx.channel.id, {
          filename,
          content: Buffer.from(`${result.lines.join('\n')}\n`, 'utf8'),
          title: `Logs of ${target.service} (${target.environment}), ${result.lines.length} lines`,
        });
        note = `All ${result.lines.length} lines are in \`${filename}\`, uploaded to this channel.`;
      } catch (error) {
        log.warn({ err: error, service: target.service }, 'log upload failed');
        note = `The full output could not be uploaded: ${(error as Error).message}`;
      }
    }
    return logsReply(target, request, result, note);
  },
});
