import type { AnyCommand } from '../../../core/command.js';
import { overviewReply, usageReply } from '../../../views/help-view.js';
import type { Sample } from './sample.js';

/** `/bers help`, and `/bers help <command>` for every command and subcommand in the registry. */
export function helpSamples(commands: readonly AnyCommand[]): Sample[] {
  const samples: Sample[] = [{ path: 'replies.help', message: overviewReply(commands, 'sample problem') }];
  const walk = (command: AnyCommand, path: string[]) => {
    samples.push({
      path: `replies.help ${path.join(' ')}`,
      message: usageReply(command, path, 'sample problem'),
    });
    for (const sub of command.subcommands ?? []) walk(sub, [...path, sub.name]);
  };
  for (const command of commands) walk(command, [command.name]);
  return samples;
}
