import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { ConflictError, NotFoundError, UnavailableError, UsageError } from '../core/errors.js';
import { TimeoutError, withTimeout } from '../core/with-timeout.js';
import type { AlertIds, AlertRef } from './alert-ids.js';
import type { AckResult, Alert, AlertSource, SilenceRequest, SourceFailure } from './model.js';
import { SEVERITIES } from './model.js';
import type { SilenceStore, StoredSilence } from './silence-store.js';

export interface AlertListing {
  alerts: Alert[];
  failures: SourceFailure[];
  sources: string[];
}

export interface ResolveOutcome {
  alert: Alert;
  /** Set when the source cannot resolve: why, and the bot's silences on it that could be expired. */
  cannotResolve?: { reason: string; silences: StoredSilence[] };
}

export interface AlertServiceOptions {
  ids: AlertIds;
  silences: SilenceStore;
  clock: Clock;
  timeoutMs: number;
  ackSilenceMinutes: number;
}

/** Lists alerts from every source at once, and sends ack / resolve back to the alert's source. */
export class AlertService {
  constructor(
    private readonly sources: readonly AlertSource[],
    private readonly options: AlertServiceOptions,
  ) {}

  sourceNames(): string[] {
    return this.sources.map((s) => s.name);
  }

  /** Sources that silence by labels (Alertmanager): maintenance windows silence there, and ack elsewhere. */
  silencingSources(): string[] {
    return this.sources.filter((s) => s.silence).map((s) => s.name);
  }

  async list(): Promise<AlertListing> {
    const settled = await Promise.allSettled(
      this.sources.map((source) => this.call(source, (signal) => source.list(signal))),
    );
    const alerts: Alert[] = [];
    const failures: SourceFailure[] = [];
    for (const [i, result] of settled.entries()) {
      const source = this.sources[i]!;
      if (result.status === 'rejected') {
        failures.push({ source: source.name, reason: (result.reason as Error).message });
        continue;
      }
      const ids = await this.options.ids.idsFor(
        source.name,
        result.value.map((a) => a.key),
      );
      alerts.push(...result.value.map((a, j) => ({ ...a, source: source.name, id: ids[j]! })));
    }
    alerts.sort(
      (a, b) =>
        SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
        a.startsAt.getTime() - b.startsAt.getTime(),
    );
    return { alerts, failures, sources: this.sourceNames() };
  }

  async ack(
    typedId: string,
    actor: Actor,
    reason: string | undefined,
  ): Promise<{ alert: Alert; result: AckResult }> {
    const { alert, source } = await this.find(typedId);
    const result = await this.call(source, (signal) => source.ack(alert, actor, reason, signal));
    if (result.silenceId && result.endsAt) {
      await this.options.silences.record({
        silenceId: result.silenceId,
        source: source.name,
        shortId: alert.id,
        createdBy: actor.name,
        endsAt: result.endsAt,
      });
    }
    return { alert, result };
  }

  async resolve(typedId: string, actor: Actor, resolution: string | undefined): Promise<ResolveOutcome> {
    const { alert, source } = await this.find(typedId);
    if (!source.resolve) {
      const silences = await this.options.silences.active(alert.id, this.options.clock.now());
      return {
        alert,
        cannotResolve: {
          reason: `${source.name} (${source.kind}) alerts cannot be resolved by hand: they clear when their rule stops firing.`,
          silences,
        },
      };
    }
    const resolve = source.resolve.bind(source);
    await this.call(source, (signal) => resolve(alert, actor, resolution, signal));
    return { alert };
  }

  /** Silences by labels on a named source (the webhook's Acknowledge / Silence buttons). */
  async silence(sourceName: string, request: SilenceRequest): Promise<AckResult> {
    const source = this.sources.find((s) => s.name === sourceName);
    if (!source?.silence)
      throw new UsageError(`No Alertmanager source named \`${sourceName}\` is configured.`);
    const silence = source.silence.bind(source);
    return this.call(source, (signal) => silence(request, signal));
  }

  /** Silences a notified group and remembers the silence for each of its alerts (for `resolve`). */
  async silenceGroup(
    sourceName: string,
    request: SilenceRequest,
    alertKeys: readonly string[],
  ): Promise<AckResult> {
    const result = await this.silence(sourceName, request);
    if (result.silenceId && result.endsAt) {
      for (const key of alertKeys) {
        await this.options.silences.record({
          silenceId: result.silenceId,
          source: sourceName,
          shortId: await this.options.ids.idFor(sourceName, key),
          createdBy: request.createdBy,
          endsAt: result.endsAt,
        });
      }
    }
    return result;
  }

  async expireSilence(sourceName: string, silenceId: string): Promise<boolean> {
    const source = this.sources.find((s) => s.name === sourceName);
    if (!source?.expireSilence) throw new NotFoundError(`No source \`${sourceName}\` can expire silences.`);
    const expire = source.expireSilence.bind(source);
    await this.call(source, (signal) => expire(silenceId, signal));
    return this.options.silences.markExpired(sourceName, silenceId, this.options.clock.now());
  }

  /**
   * The alert a typed id names: the bot's short id (or a prefix of it), else the source's own id
   * as its dashboard shows it (BERS `alrt-91de`), asking the sources when the bot has not seen it.
   */
  private async refOf(typed: string): Promise<AlertRef> {
    let notOurs: NotFoundError | undefined;
    if (/^[0-9a-f]{4,64}$/i.test(typed)) {
      try {
        return await this.options.ids.resolve(typed);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        notOurs = error;
      }
    }
    let refs = await this.options.ids.byKey(typed);
    if (refs.length === 0) {
      const { alerts } = await this.list();
      refs = alerts.filter((a) => a.key === typed).map((a) => ({ id: a.id, source: a.source, key: a.key }));
    }
    if (refs.length === 1) return refs[0]!;
    if (refs.length > 1) {
      const listed = refs.map((r) => `\`${r.id}\` (${r.source})`).join(', ');
      throw new ConflictError(
        `\`${typed}\` is an alert id in several sources: ${listed}. Use one of these ids.`,
      );
    }
    throw (
      notOurs ??
      new NotFoundError(
        `No alert has the id \`${typed}\`: an alert id is the hex id \`/bers alerts\` shows, or the ` +
          "source's own as its dashboard shows it (BERS `alrt-91de`).",
      )
    );
  }

  private async find(typedId: string): Promise<{ alert: Alert; source: AlertSource }> {
    const ref = await this.refOf(typedId);
    const source = this.sources.find((s) => s.name === ref.source);
    if (!source)
      throw new NotFoundError(
        `Alert \`${ref.id}\` came from \`${ref.source}\`, which is no longer configured.`,
      );
    const listed = await this.call(source, (signal) => source.list(signal));
    const found = listed.find((a) => a.key === ref.key);
    if (!found) throw new NotFoundError(`Alert \`${ref.id}\` (${ref.source}) is no longer active.`);
    return { alert: { ...found, id: ref.id, source: source.name }, source };
  }

  private async call<T>(source: AlertSource, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(this.options.timeoutMs, fn);
    } catch (error) {
      if (error instanceof TimeoutError)
        throw new UnavailableError(`${source.name} did not answer within ${error.ms} ms.`);
      if (error instanceof UnavailableError || error instanceof NotFoundError) throw error;
      throw new UnavailableError(`${source.name} failed: ${(error as Error).message}`, { cause: error });
    }
  }
}
