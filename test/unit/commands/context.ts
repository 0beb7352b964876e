import type { ActionInvocation, AnyCommand, CommandContext } from '../../../src/core/command.js';
import type { Reply } from '../../../src/core/message.js';
import type { PipelineServices } from '../../../src/core/services.js';

export const ADA = { id: 'U0ADA', name: 'ada' };
export const CHANNEL = { id: 'C0OPS', name: 'ops' };

/**
 * The context's own services are the pipeline's; a command under test must not touch them (it
 * gets its ports when built), so reading one fails the test with the port's name.
 */
const pipelineOnly = new Proxy({} as PipelineServices, {
  get(_target, port) {
    throw new Error(`the command read ctx.services.${String(port)}; it should get that port when built`);
  },
});

/** A command's context as the pipeline gives it, with what it sent through `respond`. */
export function commandContext(over: Partial<CommandContext> = {}): CommandContext & { responses: Reply[] } {
  const responses: Reply[] = [];
  return {
    actor: ADA,
    requestId: 'req-1',
    mode: 'slack',
    services: pipelineOnly,
    channel: CHANNEL,
    text: '',
    respond: async (reply) => void responses.push(reply),
    responses,
    ...over,
  };
}

/** A button click's invocation. */
export function click(value: string, over: Partial<ActionInvocation> = {}): ActionInvocation {
  return {
    actor: ADA,
    requestId: 'req-click',
    mode: 'slack',
    services: pipelineOnly,
    channel: CHANNEL,
    value,
    respond: async () => {},
    ...over,
  };
}

/** Parses `tokens` with the command's schema and runs it, as the router does. */
export async function runWith(command: AnyCommand, tokens: string[], ctx = commandContext()): Promise<Reply> {
  return command.run(command.args.parse(tokens), ctx);
}

/** The subcommand of `command` named `name`. */
export function sub(command: AnyCommand, name: string): AnyCommand {
  const found = command.subcommands?.find((s) => s.name === name);
  if (!found) throw new Error(`no subcommand ${name} of ${command.name}`);
  return found;
}

/** A port method that must not be called in this test. */
export const notCalled = (what: string) => () => {
  throw new Error(`${what} was not expected to be called`);
};
