import type { AckResult, AlertSource, SilenceRequest, SourceAlert } from '../../alerts/model.js';
import { severityOf } from '../../alerts/model.js';
import type { Actor } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import type { AlertmanagerClient, GettableAlert } from './alertmanager-client.js';

/** Alertmanager as an alert source: ack is a silence on the alert's labels; resolve is not possible. */
export class AlertmanagerSource implements AlertSource {
  readonly kind = 'alertmanager';

  constructor(
    readonly name: string,
    private readonly client: AlertmanagerClient,
    private readonly options: { filter: string[]; ackSilenceMinutes: number; clock: Clock },
  ) {}

  async list(signal: AbortSignal): Promise<SourceAlert[]> {
    const alerts = await this.client.alerts({ filter: this.options.filter }, signal);
    return alerts.map(toSourceAlert);
  }

  ack(alert: SourceAlert, actor: Actor, reason: string | undefined, signal: AbortSignal): Promise<AckResult> {
    return this.silence(
      {
        labels: alert.labels,
        minutes: this.options.ackSilenceMinutes,
        createdBy: actor.name,
        comment: reason ?? `Acknowledged from Slack by ${actor.name}`,
      },
      signal,
    );
  }

  async silence(request: SilenceRequest, signal: AbortSignal): Promise<AckResult> {
    const now = this.options.clock.now();
    const endsAt = new Date(now.getTime() + request.minutes * 60_000);
    const silenceId = await this.client.createSilence(
      {
        matchers: Object.entries(request.labels).map(([name, value]) => ({
          name,
          value,
          isRegex: false,
          isEqual: true,
        })),
        startsAt: now.toISOString(),
        endsAt: endsAt.toISOString(),
        createdBy: request.createdBy,
        comment: request.comment,
      },
      signal,
    );
    return {
      text: `silenced in ${this.name} until ${endsAt.toISOString().slice(0, 16)}Z`,
      silenceId,
      endsAt,
    };
  }

  expireSilence(silenceId: string, signal: AbortSignal): Promise<void> {
    return this.client.expireSilence(silenceId, signal);
  }
}

function toSourceAlert(alert: GettableAlert): SourceAlert {
  const labels = alert.labels ?? {};
  const annotations = alert.annotations ?? {};
  return {
    key: alert.fingerprint,
    severity: severityOf(labels.severity),
    name: labels.alertname ?? 'alert',
    service: labels.service ?? labels.job,
    summary: annotations.summary ?? annotations.description ?? labels.alertname ?? '',
    startsAt: new Date(alert.startsAt),
    state: alert.status?.silencedBy?.length ? 'silenced' : 'active',
    labels,
  };
}
