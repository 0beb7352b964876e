import type { AckResult, AlertSource, SourceAlert } from '../../alerts/model.js';
import { severityOf } from '../../alerts/model.js';
import type { Actor } from '../../core/actor.js';
import { httpJson, joinUrl } from '../http-json.js';

/** One alert of `GET /api/monitoring/alerts`; the seeds name fields loosely, so several spellings are read. */
interface BersAlert {
  id: string | number;
  severity?: string;
  level?: string;
  title?: string;
  name?: string;
  type?: string;
  message?: string;
  description?: string;
  component?: string;
  service?: string;
  timestamp?: number | string;
  createdAt?: number | string;
  triggeredAt?: number | string;
  acknowledged?: boolean;
  status?: string;
}

type AlertsResponse =
  | BersAlert[]
  | { data?: BersAlert[] | { active?: BersAlert[]; alerts?: BersAlert[] }; active?: BersAlert[] };

/**
 * The BERS monitoring alert API (seeds 000/001). Seed 000 lists `.active` and acknowledges with
 * `acknowledged_by`/`reason`; seed 001 lists `.data` and uses `operator`/`notes`: both are sent.
 */
export class BersAlertSource implements AlertSource {
  readonly kind = 'bers';

  constructor(
    readonly name: string,
    private readonly baseUrl: string,
    private readonly defaultService?: string,
  ) {}

  async list(signal: AbortSignal): Promise<SourceAlert[]> {
    const body = await httpJson<AlertsResponse>(joinUrl(this.baseUrl, '/api/monitoring/alerts'), { signal });
    return alertsOf(body)
      .filter((a) => !['resolved', 'closed'].includes((a.status ?? '').toLowerCase()))
      .map((a) => this.toSourceAlert(a));
  }

  async ack(
    alert: SourceAlert,
    actor: Actor,
    reason: string | undefined,
    signal: AbortSignal,
  ): Promise<AckResult> {
    const why = reason ?? 'acknowledged from Slack';
    await httpJson(this.alertUrl(alert, 'acknowledge'), {
      method: 'POST',
      body: { acknowledged_by: actor.name, reason: why, operator: actor.name, notes: why },
      signal,
    });
    return { text: `acknowledged in ${this.name}` };
  }

  async resolve(
    alert: SourceAlert,
    actor: Actor,
    resolution: string | undefined,
    signal: AbortSignal,
  ): Promise<void> {
    const why = resolution ?? 'resolved from Slack';
    await httpJson(this.alertUrl(alert, 'resolve'), {
      method: 'POST',
      body: { resolved_by: actor.name, resolution: why, operator: actor.name, notes: why },
      signal,
    });
  }

  private alertUrl(alert: SourceAlert, action: string): URL {
    return joinUrl(this.baseUrl, `/api/monitoring/alerts/${encodeURIComponent(alert.key)}/${action}`);
  }

  private toSourceAlert(a: BersAlert): SourceAlert {
    const name = a.title ?? a.name ?? a.type ?? 'alert';
    const acknowledged = a.acknowledged === true || (a.status ?? '').toLowerCase() === 'acknowledged';
    return {
      key: String(a.id),
      severity: severityOf(a.severity ?? a.level),
      name,
      service: a.service ?? a.component ?? this.defaultService,
      summary: a.message ?? a.description ?? name,
      startsAt: dateOf(a.timestamp ?? a.createdAt ?? a.triggeredAt),
      state: acknowledged ? 'acknowledged' : 'active',
      labels: {},
    };
  }
}

function alertsOf(body: AlertsResponse): BersAlert[] {
  if (Array.isArray(body)) return body;
  if (Array.isArray(body.active)) return body.active;
  if (Array.isArray(body.data)) return body.data;
  return body.data?.active ?? body.data?.alerts ?? [];
}

function dateOf(value: number | string | undefined): Date {
  if (value === undefined) return new Date(Number.NaN);
  return new Date(typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : value);
}
