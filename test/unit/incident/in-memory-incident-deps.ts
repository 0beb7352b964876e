import type { Logger } from 'pino';
import pino from 'pino';
import type { Chat } from '../../../src/core/chat.js';
import { ManualClock } from '../../../src/core/clock.js';
import type { Message } from '../../../src/core/message.js';
import type { IncidentDeps } from '../../../src/incident/incident-deps.js';
import type { Incident } from '../../../src/incident/model.js';
import type { PageRecord } from '../../../src/incident/page-model.js';
import { SeverityPolicies } from '../../../src/incident/severity-policies.js';
import type { Queryable, Store } from '../../../src/store/store.js';
import { configFrom, MINIMAL_CONFIG } from '../../helpers/config.js';
import { fakeIncidentMessages } from './fake-incident-messages.js';
import { fakeIncidentReports } from './fake-incident-reports.js';
import { inMemoryIncidentRecords } from './in-memory-incident-records.js';

/** Any SQL at all: the flows on the records port run none of their own. */
const noSql: Queryable = {
  query: async (sql) => {
    throw new Error(`the flow ran SQL outside its records port: ${sql}`);
  },
};

/**
 * The incident deps with every port in memory: records, timers and the step runner that keep
 * what they were told, a chat that keeps its posts, the real severity policies of the minimal
 * config. The store only opens transactions (counted, numbered from 1: `records.writes` says which
 * one each write ran in); any SQL on it fails.
 */
export function inMemoryIncidentDeps(incidents: Incident[] = [], clock = new ManualClock()) {
  const config = configFrom(MINIMAL_CONFIG);
  // Each transaction hands out its own connection, so the records can say which one a write used.
  const txs = new Map<Queryable, number>();
  const records = inMemoryIncidentRecords(incidents, (db) => txs.get(db));
  const scheduled: { key: string; kind: string; dueAt: Date; payload?: Record<string, unknown> }[] = [];
  /** Cancelled timer keys; a cancelled prefix ends in `*`. */
  const cancelled: string[] = [];
  const ran: number[] = [];
  /** What the runner re-rendered: the reports and announcement cards, or the page cards (with the page). */
  const refreshed: { what: 'reports' | 'page-cards'; incident: number; page?: PageRecord }[] = [];
  const posted: { channel: string; message: Message; threadTs?: string }[] = [];
  const transactions = { count: 0 };
  const store: Store = {
    backend: 'pglite',
    query: noSql.query,
    transaction: async (fn) => {
      transactions.count += 1;
      const tx: Queryable = { query: noSql.query };
      txs.set(tx, transactions.count);
      return fn(tx);
    },
    ping: async () => {},
    close: async () => {},
  };
  // What a test gives the chat beyond `post` (e.g. `archive`, `userEmail`), set before the flow runs.
  const chatMembers: Partial<Chat> = {};
  const chat = new Proxy({} as Chat, {
    get(_target, member) {
      if (member in chatMembers) return chatMembers[member as keyof Chat];
      if (member === 'post')
        return async (channel: string, message: Message, options?: { threadTs?: string }) => {
          posted.push({ channel, message, ...(options?.threadTs ? { threadTs: options.threadTs } : {}) });
          return { channel, ts: `${posted.length}.0` };
        };
      throw new Error(`the flow used chat.${String(member)}, which this test did not give it`);
    },
  });
  const render = fakeIncidentMessages();
  const reports = fakeIncidentReports();
  const deps: IncidentDeps = {
    store,
    records,
    chat,
    clock,
    log: pino({ level: 'silent' }) as Logger,
    // Timers are written in the flow's transaction too: each goes into `records.writes` beside the rows.
    timers: {
      async schedule(key, kind, dueAt, payload, db) {
        scheduled.push({ key, kind, dueAt, payload });
        records.writes.push({ op: 'timers.schedule', tx: db && txs.get(db) });
      },
      async cancel(key, db) {
        cancelled.push(key);
        records.writes.push({ op: 'timers.cancel', tx: db && txs.get(db) });
      },
      async cancelPrefix(prefix, db) {
        cancelled.push(`${prefix}*`);
        records.writes.push({ op: 'timers.cancelPrefix', tx: db && txs.get(db) });
      },
    },
    settings: config.incidents,
    policies: new SeverityPolicies(config.incidents),
    reports,
    render,
    runner: {
      run: async (id) => void ran.push(id),
      refresh: async (incident) => void refreshed.push({ what: 'reports', incident: incident.number }),
      refreshPageCards: async (incident, page) =>
        void refreshed.push({ what: 'page-cards', incident: incident.number, ...(page ? { page } : {}) }),
      sweep: async () => 0,
    },
    serviceNames: config.services.map((s) => s.name),
    owners: {},
  };
  return {
    deps,
    records,
    scheduled,
    cancelled,
    ran,
    refreshed,
    posted,
    render,
    reports,
    chatMembers,
    transactions,
    clock,
  };
}

/** An open incident as the store would give it back. */
export function openIncident(over: Partial<Incident> = {}): Incident {
  return {
    id: 7,
    number: 12,
    title: 'Checkout is slow',
    severity: 'P1',
    status: 'investigating',
    impact: 'Some customers cannot pay',
    services: [],
    isPrivate: false,
    declaredById: 'U0ADA',
    declaredByName: 'ada',
    channelId: 'C0INC12',
    channelName: 'inc-12-checkout-is-slow',
    declaredAt: new Date('2026-01-05T07:00:00Z'),
    ...over,
  };
}
