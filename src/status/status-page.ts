import { createHash } from 'node:crypto';
import type { StatusPageSettings } from '../config/status-page-schema.js';
import type { Clock } from '../core/clock.js';
import type { HealthStatus } from '../health/model.js';
import type { IncidentService } from '../incident/incident-service.js';
import type { HealthSnapshots } from './health-snapshots.js';
import { renderStatusAtom } from './status-atom.js';
import { renderStatusHtml } from './status-html.js';
import type { PublicState, StatusModel } from './status-model.js';

const STATES: Record<HealthStatus, PublicState> = {
  healthy: 'operational',
  degraded: 'degraded',
  unhealthy: 'outage',
  unknown: 'unknown',
};
const ORDER: PublicState[] = ['operational', 'unknown', 'degraded', 'outage'];
const worst = (states: PublicState[]) =>
  states.reduce<PublicState>((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'operational');

export interface StatusRendering {
  html: string;
  json: string;
  atom: string;
  /** The hash of the model it shows: the same key, the same bytes (the routes' ETags). */
  key: string;
}

/**
 * The public status page: component health (from the shared health snapshot) and incidents with
 * their public updates. The HTML, JSON and Atom are rendered again only when what they show
 * changed; any number of readers get the same strings.
 */
export class StatusPage {
  private cached: { key: string; rendering: StatusRendering } | undefined;

  constructor(
    private readonly settings: StatusPageSettings,
    private readonly serviceNames: readonly string[],
    private readonly snapshots: HealthSnapshots,
    private readonly incidents: IncidentService,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return this.settings.enabled;
  }

  async model(): Promise<StatusModel> {
    const report = await this.snapshots.current();
    const byService = new Map(report.services.map((s) => [s.service, STATES[s.status]]));
    const components = (
      this.settings.components.length > 0
        ? this.settings.components
        : this.serviceNames.map((name) => ({ name, services: [name] }))
    ).map((c) => ({ name: c.name, state: worst(c.services.map((s) => byService.get(s) ?? 'unknown')) }));
    const since = new Date(this.clock.now().getTime() - this.settings.historyDays * 86_400_000);
    const incidents = (await this.incidents.publicView(since)).map(({ incident: i, updates }) => ({
      number: i.number,
      title: i.title,
      severity: i.severity,
      status: i.status,
      declaredAt: i.declaredAt.toISOString(),
      resolvedAt: i.resolvedAt?.toISOString(),
      updates: updates.map((u) => ({ at: u.at.toISOString(), text: u.text })),
    }));
    return {
      title: this.settings.title,
      overall: worst(components.map((c) => c.state)),
      components,
      incidents,
    };
  }

  async render(): Promise<StatusRendering> {
    const model = await this.model();
    const json = JSON.stringify(model);
    const key = createHash('sha256').update(json).digest('hex').slice(0, 16);
    if (this.cached?.key === key) return this.cached.rendering;
    const rendering = {
      html: renderStatusHtml(model),
      json,
      atom: renderStatusAtom(model),
      key,
    };
    this.cached = { key, rendering };
    return rendering;
  }
}
