import type { Target, Who } from '../actions/action-service.js';
import type { ActionPolicy } from '../actions/permission-policy.js';
import { ForbiddenError, UnavailableError, UsageError } from '../core/errors.js';
import { TimeoutError, withTimeout } from '../core/with-timeout.js';
import type { LogSource } from './log-source.js';

export interface LogRequest {
  sinceSeconds: number;
  tail: number;
  /** Kept lines contain this, ignoring case: plain text, never a regex or a program argument. */
  grep?: string;
}

export interface LogResult {
  source: string;
  /** The last `tail` matching lines, oldest first, secrets masked. */
  lines: string[];
  /** How many lines the source gave, and how many of them matched. */
  fetched: number;
  matched: number;
}

export interface LogServiceDeps {
  policy: ActionPolicy;
  /** The log source an environment's settings name (the registry of kinds, wiring/log-source-kinds.ts). */
  sourceFor(
    settings: Target['settings'],
    processEnv?: Readonly<Record<string, string | undefined>>,
  ): LogSource | undefined;
  /** Masks credentials in log text (the logger's masking, with the bot's known secret values). */
  mask(text: string): string;
  record(
    who: Who,
    t: Target,
    subject: string,
    outcome: string,
    text: string,
    details: Record<string, unknown>,
  ): Promise<void>;
  processEnv?: Readonly<Record<string, string | undefined>>;
  timeoutMs: number;
}

/** With a filter, more lines are read so that `tail` of them can still match. */
const GREP_READ_FACTOR = 20;
const MAX_READ = 5000;

/** `/bers logs`: who may read, from where, filtered, cut to size and masked. */
export class LogService {
  private readonly sources = new Map<string, LogSource | undefined>();

  constructor(private readonly deps: LogServiceDeps) {}

  async read(t: Target, request: LogRequest, who: Who): Promise<LogResult> {
    await this.authorize(t, who);
    const source = this.sourceOf(t);
    if (!source) {
      throw new UsageError(
        `${t.service} (${t.environment}) has no logs configured: set \`logs\` under actions.services.${t.service}.environments.${t.environment}.`,
      );
    }
    const want = request.grep ? Math.min(MAX_READ, request.tail * GREP_READ_FACTOR) : request.tail;
    let lines: string[];
    try {
      lines = await withTimeout(this.deps.timeoutMs, (signal) =>
        source.read({ sinceSeconds: request.sinceSeconds, tail: want }, signal),
      );
    } catch (error) {
      const why =
        error instanceof TimeoutError ? `no answer within ${error.ms} ms` : (error as Error).message;
      throw new UnavailableError(`Logs of ${t.service} (${t.environment}): ${this.deps.mask(why)}`, {
        cause: error,
      });
    }
    const needle = request.grep?.toLowerCase();
    const matching = needle ? lines.filter((l) => l.toLowerCase().includes(needle)) : lines;
    const kept = matching.slice(-request.tail).map((l) => this.deps.mask(l));
    await this.deps.record(who, t, 'logs.read', 'ok', `logs of ${t.service} (${t.environment})`, {
      sinceSeconds: request.sinceSeconds,
      tail: request.tail,
      grep: request.grep,
      lines: kept.length,
    });
    return { source: source.describe(), lines: kept, fetched: lines.length, matched: matching.length };
  }

  /** The environment's `logs.roles`, else everyone with the `read` grant. */
  private async authorize(t: Target, who: Who): Promise<void> {
    const roles = t.settings.logs?.roles;
    const target = {
      kind: 'logs',
      environment: t.environment,
      roles,
      production: false,
      grant: 'read' as const,
    };
    if (await this.deps.policy.allowed(who.actor, target)) return;
    await this.deps.record(
      who,
      t,
      'logs.read',
      'denied',
      `${who.actor.name} was refused the logs of ${t.service}`,
      {},
    );
    throw new ForbiddenError(
      `You are not allowed to read the logs of ${t.service} in ${t.environment}: that needs one of the roles ` +
        `${
          this.deps.policy
            .rolesFor(target)
            .map((r) => `\`${r}\``)
            .join(', ') || '(none configured)'
        }.`,
    );
  }

  private sourceOf(t: Target): LogSource | undefined {
    const key = `${t.service}/${t.environment}`;
    if (!this.sources.has(key)) this.sources.set(key, this.deps.sourceFor(t.settings, this.deps.processEnv));
    return this.sources.get(key);
  }
}
