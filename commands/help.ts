import { z } from 'zod';
import type { AnyCommand, Command } from '../src/core/command.js';
import { didYouMean } from '../src/core/did-you-mean.js';
import { UsageError } from '../src/core/errors.js';
import { overviewReply, usageReply } from '../src/views/help-view.js';

const args = z
  .array(z.string())
  .max(3)
  .transform((path) => ({ path: path.map((p) => p.toLowerCase()) }));

/** `help` needs the registry it describes, so it is made from it. */
export function createHelpCommand(commands: () => readonly AnyCommand[]): Command<z.infer<typeof args>> {
  return {
    name: 'help',
    summary: 'what each command does and how to type it',
    usage: ['help [subcommand]'],
    permission: 'read',
    args,
    async run({ path }) {
      if (path.length === 0) return overviewReply(commands());
      let command = commands().find((c) => c.name === path[0]);
      let siblings = commands();
      let missing = path[0]!;
      for (const name of path.slice(1)) {
        if (!command) break;
        siblings = command.subcommands ?? [];
        missing = name;
        command = siblings.find((s) => s.name === name);
      }
      if (!command) {
        const hint = didYouMean(
          missing,
          siblings.map((c) => c.name),
        );
        throw new UsageError(`There is no \`/bers ${path.join(' ')}\` command.${hint}`);
      }
      return usageReply(command, path);
    },
  };
}
