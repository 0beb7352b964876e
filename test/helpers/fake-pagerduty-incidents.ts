import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface FakePdUser {
  id: string;
  name: string;
  email: string;
}

export interface FakePdIncident {
  id: string;
  number: number;
  key: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  level: number;
  assignees: FakePdUser[];
}

const POLICY = { id: 'PPOLICY1', summary: 'Checkout on-call', type: 'escalation_policy_reference' };
/** How an Events API change shows up as the webhook's agent: the service, not a person. */
const EVENTS_AGENT = { id: 'PSVC001', summary: 'Checkout (Events API)', type: 'service_reference' };

/**
 * What PagerDuty does with our events and REST calls, as far as the bot can see: an accepted
 * trigger opens an incident (one per open dedup key), acknowledge/resolve change it, REST reassigns
 * and escalates it; each change is sent back to the bot as a signed webhooks v3 delivery, the way
 * PagerDuty reports its incidents (so a test sees whether the bot echoes its own changes).
 */
export class FakePdIncidents {
  readonly users: FakePdUser[] = [
    { id: 'PUOLIVE', name: 'Olive Oncall', email: 'olive@example.com' },
    { id: 'PUSAM', name: 'Sam Second', email: 'sam@example.com' },
    { id: 'PUGRACE', name: 'Grace Hopper', email: 'grace@example.com' },
    { id: 'PUADA', name: 'Ada Lovelace', email: 'ada@example.com' },
  ];
  /** Who is on call at each escalation level (level 1 first). */
  readonly levels = [['PUOLIVE'], ['PUSAM'], ['PUADA']];
  readonly byKey = new Map<string, FakePdIncident>();
  /** REST changes: which incident, on whose behalf (`From`), what. */
  readonly changes: { id: string; from?: string; incident: Record<string, unknown> }[] = [];
  /** Event types of the webhooks sent, in order. */
  readonly emitted: string[] = [];
  webhook: { url: string; secret: string } | undefined;
  /** The time webhooks say things happened (a test's manual clock). */
  now: () => Date = () => new Date();
  private readonly sending = new Set<Promise<void>>();
  private seq = 0;

  /** An Events v2 event PagerDuty accepted. */
  onEvent(event: { event_action?: string; dedup_key?: string }): void {
    const key = event.dedup_key ?? '';
    const open = this.byKey.get(key);
    if (event.event_action === 'trigger') {
      if (open && open.status !== 'resolved') return;
      const n = ++this.seq;
      const incident: FakePdIncident = {
        id: `PINC${n}`,
        number: 100 + n,
        key,
        status: 'triggered',
        level: 1,
        assignees: this.atLevel(1),
      };
      this.byKey.set(key, incident);
      this.emit('triggered', incident);
    } else if (open && open.status !== 'resolved') {
      if (event.event_action === 'acknowledge' && open.status === 'acknowledged') return;
      open.status = event.event_action === 'resolve' ? 'resolved' : 'acknowledged';
      this.emit(open.status, open, EVENTS_AGENT);
    }
  }

  /** A person acts in PagerDuty itself (its app, a phone call). */
  there(action: 'acknowledge' | 'resolve' | 'reassign', key: string, by: string, to?: string): void {
    const incident = this.byKey.get(key);
    if (!incident) throw new Error(`fake PagerDuty has no incident ${key}`);
    const agent = this.agent(this.users.find((u) => u.name === by)!);
    if (action === 'reassign') {
      incident.assignees = this.users.filter((u) => u.id === to);
      this.emit('reassigned', incident, agent);
      return;
    }
    incident.status = action === 'resolve' ? 'resolved' : 'acknowledged';
    this.emit(incident.status, incident, agent);
  }

  /** Answers the REST routes it knows; false for any other request. */
  handle(req: IncomingMessage, url: URL, body: string, res: ServerResponse): boolean {
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      return true;
    };
    if (req.method === 'GET' && url.pathname === '/incidents') {
      const statuses = url.searchParams.getAll('statuses[]');
      const found = [...this.byKey.values()].filter(
        (i) =>
          i.key === url.searchParams.get('incident_key') &&
          (statuses.length === 0 || statuses.includes(i.status)),
      );
      return json(200, { incidents: found.map((i) => this.rest(i)), limit: 25, offset: 0, more: false });
    }
    if (req.method === 'GET' && url.pathname === '/users') {
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      const users = this.users.filter((u) => u.email.includes(query) || u.name.toLowerCase().includes(query));
      return json(200, {
        users: users.map((u) => ({ id: u.id, name: u.name, email: u.email, type: 'user' })),
      });
    }
    const put = /^\/incidents\/([^/]+)$/.exec(url.pathname);
    if (req.method !== 'PUT' || !put) return false;
    const incident = [...this.byKey.values()].find((i) => i.id === decodeURIComponent(put[1]!));
    const from = this.users.find((u) => u.email === req.headers.from);
    if (!from)
      return json(400, {
        error: { message: 'Invalid Input Provided', errors: ['Requester User Not Found'] },
      });
    if (!incident) return json(404, { error: { message: 'Not Found', code: 2100 } });
    const change = (JSON.parse(body || '{}') as { incident?: Record<string, unknown> }).incident ?? {};
    this.changes.push({ id: incident.id, from: from.email, incident: change });
    const assignments = change.assignments as { assignee: { id: string } }[] | undefined;
    if (assignments) {
      const before = incident.assignees.map((u) => u.id).join();
      incident.assignees = this.users.filter((u) => assignments.some((a) => a.assignee.id === u.id));
      if (incident.assignees.map((u) => u.id).join() !== before)
        this.emit('reassigned', incident, this.agent(from));
    }
    if (typeof change.escalation_level === 'number' && change.escalation_level !== incident.level) {
      incident.level = change.escalation_level;
      incident.assignees = this.atLevel(incident.level);
      this.emit('escalated', incident, this.agent(from));
    }
    return json(200, { incident: this.rest(incident) });
  }

  /** Resolves once every webhook sent so far has been answered by the bot. */
  async settled(): Promise<void> {
    while (this.sending.size > 0) await Promise.all([...this.sending]);
  }

  private atLevel(level: number): FakePdUser[] {
    const ids = this.levels[Math.min(level, this.levels.length) - 1] ?? [];
    return this.users.filter((u) => ids.includes(u.id));
  }

  private agent(user: FakePdUser) {
    return { id: user.id, summary: user.name, type: 'user_reference' };
  }

  private rest(i: FakePdIncident) {
    return {
      id: i.id,
      type: 'incident',
      incident_number: i.number,
      html_url: `https://acme.pagerduty.com/incidents/${i.id}`,
      status: i.status,
      incident_key: i.key,
      escalation_level: i.level,
      escalation_policy: POLICY,
      assignments: i.assignees.map((u) => ({
        assignee: { id: u.id, summary: u.name, type: 'user_reference' },
      })),
    };
  }

  private emit(type: string, i: FakePdIncident, agent: Record<string, string> | null = null): void {
    this.emitted.push(type);
    if (!this.webhook) return;
    const body = JSON.stringify({
      event: {
        id: `EV${randomBytes(6).toString('hex')}`,
        event_type: `incident.${type}`,
        resource_type: 'incident',
        occurred_at: this.now().toISOString(),
        agent,
        data: {
          ...this.rest(i),
          number: i.number,
          title: 'from the bot',
          assignees: i.assignees.map((u) => ({ id: u.id, summary: u.name, type: 'user_reference' })),
        },
      },
    });
    const { url, secret } = this.webhook;
    const signature = `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;
    const headers = {
      'content-type': 'application/json',
      'x-pagerduty-signature': signature,
      'x-webhook-id': `WH${randomBytes(6).toString('hex')}`,
    };
    const sent: Promise<void> = fetch(`${url}/webhooks/pagerduty`, { method: 'POST', headers, body })
      .then((r) => r.arrayBuffer())
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => this.sending.delete(sent));
    this.sending.add(sent);
  }
}
