import type { ActionHandler, AnyCommand, AnyViewHandler, EventHandler } from './command.js';
import { actionId } from './command.js';
import { didYouMean } from './did-you-mean.js';
import { UsageError } from './errors.js';
import { tokenize } from './tokenize.js';

/** Slack caps slash-command text well below this; anything longer is garbage, not a command. */
export const MAX_TEXT_LENGTH = 4000;

/** Every handler the commands declare, each with the id Slack (or the console) reaches it by. */
export type RegisteredHandler =
  | { kind: 'command'; path: string[]; command: AnyCommand }
  | { kind: 'action'; id: string; handler: ActionHandler }
  | { kind: 'view'; id: string; handler: AnyViewHandler };

/** Walks the command tree: commands, subcommands, and the buttons and modals of each. */
export function handlersOf(commands: readonly AnyCommand[], parent: string[] = []): RegisteredHandler[] {
  return commands.flatMap((command) => {
    const path = [...parent, command.name];
    const id = (name: string) => actionId(path.join('.'), name);
    return [
      { kind: 'command' as const, path, command },
      ...Object.entries(command.actions ?? {}).map(([name, handler]) => ({
        kind: 'action' as const,
        id: id(name),
        handler,
      })),
      ...Object.entries(command.views ?? {}).map(([name, handler]) => ({
        kind: 'view' as const,
        id: id(name),
        handler,
      })),
      ...handlersOf(command.subcommands ?? [], path),
    ];
  });
}

export interface ResolvedCommand {
  command: AnyCommand;
  path: string[];
  /** The argument tokens after the subcommand path. */
  tokens: string[];
}

/** Finds the handler of anything that comes in: by command text, action id, callback id, event type. */
export class HandlerRegistry {
  private readonly byName: Map<string, AnyCommand>;
  private readonly actions = new Map<string, ActionHandler>();
  private readonly views = new Map<string, AnyViewHandler>();

  constructor(
    readonly commands: readonly AnyCommand[],
    private readonly events: Readonly<Record<string, EventHandler>> = {},
  ) {
    this.byName = new Map(commands.map((c) => [c.name, c]));
    for (const entry of handlersOf(commands)) {
      if (entry.kind === 'action') this.actions.set(entry.id, entry.handler);
      if (entry.kind === 'view') this.views.set(entry.id, entry.handler);
    }
  }

  get eventTypes(): string[] {
    return Object.keys(this.events);
  }

  /** `incident declare P1 …` → the deepest matching command and its argument tokens. */
  resolveCommand(text: string): ResolvedCommand {
    if (text.length > MAX_TEXT_LENGTH) {
      throw new UsageError(
        `That command is ${text.length} characters long; the limit is ${MAX_TEXT_LENGTH}.`,
      );
    }
    const [first, ...rest] = tokenize(text);
    if (first === undefined) return { command: this.byName.get('help')!, path: ['help'], tokens: [] };
    const command = this.byName.get(first.toLowerCase());
    if (!command) {
      const hint = didYouMean(first, [...this.byName.keys()]);
      throw new UsageError(`\`${clip(first)}\` is not a bers command.${hint}`);
    }
    let current = command;
    const path = [command.name];
    let args = rest;
    while (current.subcommands && args[0] !== undefined) {
      const next = current.subcommands.find((s) => s.name === args[0]!.toLowerCase());
      if (!next) break;
      current = next;
      path.push(next.name);
      args = args.slice(1);
    }
    return { command: current, path, tokens: args };
  }

  commandAt(path: readonly string[]): AnyCommand | undefined {
    let command = path[0] ? this.byName.get(path[0]) : undefined;
    for (const name of path.slice(1)) command = command?.subcommands?.find((s) => s.name === name);
    return command;
  }

  action(id: string): ActionHandler | undefined {
    return this.actions.get(id);
  }

  view(id: string): AnyViewHandler | undefined {
    return this.views.get(id);
  }

  event(type: string): EventHandler | undefined {
    return Object.hasOwn(this.events, type) ? this.events[type] : undefined;
  }
}

export function clip(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
