/**
 * The bot under load for bench/command-load.bench.ts and bench/incident-list.bench.ts, in a
 * process of its own (forked with the tsx loader): HTTP mode against the fake Slack at argv[2],
 * the embedded store on disk with its journal inbox (or PostgreSQL with BENCH_DATABASE_URL, in a
 * schema of its own, the inbox still the journal), as in production: each ack waits for its request to be kept. A few services
 * whose TCP checks answer on a local socket, served by a process of its own (bench/tcp-target.mjs); BENCH_OPEN_INCIDENTS open incidents seeded before
 * start. Sends `{ port }` when listening; any message stops it. BENCH_STATEMENTS=1: the store's
 * statements are counted (by their first words) and the tally goes to stderr at stop.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot } from '../src/app.js';
import { readSettings } from '../src/config/settings.js';
import { incidentRepository } from '../src/incident/incident-repository.js';
import { createLogger } from '../src/observability/logger.js';
import { openStore } from '../src/store/open-store.js';
import type { Queryable, Store } from '../src/store/store.js';
import { configFrom } from '../test/helpers/config.js';

export const BENCH_SECRET = 'bench-signing-secret-0123456789abcdef';
/** Services in the config: `/bers health` checks them all, each a TCP connect to a local socket. */
const SERVICES = Number(process.env.BENCH_SERVICES ?? 5);
const SEVERITIES = ['P1', 'P2', 'P3'];

/** `count` open incidents, as a declare leaves them (the channel and its name set). */
export async function seedIncidents(store: Store, count: number): Promise<void> {
  for (let n = 1; n <= count; n++) {
    const incident = await incidentRepository.insert(store, {
      requestKey: `bench-${n}`,
      title: `Checkout latency above SLO in region ${n % 7} (bench incident ${n})`,
      severity: SEVERITIES[n % SEVERITIES.length]!,
      impact: 'customers see slow checkouts',
      services: ['api'],
      isPrivate: n % 50 === 0,
      commanderId: 'U0ADA',
      declaredById: 'U0ADA',
      declaredByName: 'ada',
      declaredAt: new Date(Date.UTC(2026, 11, 1, 0, n % 60)),
    });
    await store.query('UPDATE incidents SET channel_id = $1, channel_name = $2 WHERE id = $3', [
      `CINC${n}`,
      `inc-${n}-checkout-latency`,
      incident!.id,
    ]);
  }
}

/** The store with every statement counted into `tally` by its first words (ping as `ping`). */
function counted(store: Store, tally: Map<string, number>): Store {
  const count = (sql: string) => {
    const key = sql.replace(/\s+/g, ' ').slice(0, 60);
    tally.set(key, (tally.get(key) ?? 0) + 1);
  };
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      count(sql);
      return q.query(sql, params);
    },
  });
  return Object.assign(Object.create(store) as Store, {
    query: wrap(store).query,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => store.transaction((tx) => fn(wrap(tx))),
    ping: () => {
      count('ping');
      return store.ping();
    },
  });
}

async function main(apiUrl: string): Promise<void> {
  const target = fork(join(import.meta.dirname, 'tcp-target.mjs'), [], { execArgv: [] });
  const targetPort = await new Promise<number>((resolve) =>
    target.once('message', (m: { port: number }) => resolve(m.port)),
  );
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const dataDir = await mkdtemp(join(tmpdir(), 'bers-load-bench-'));
  const schema = databaseUrl ? `bench_load_${process.pid}` : undefined;
  const opened = await openStore({ databaseUrl, dataDir, schema });
  await seedIncidents(opened, Number(process.env.BENCH_OPEN_INCIDENTS ?? 10));
  const tally = new Map<string, number>();
  const store = process.env.BENCH_STATEMENTS ? counted(opened, tally) : opened;
  const services = Array.from(
    { length: SERVICES },
    (_, i) =>
      `  - name: api-${i}\n    checks: [{ kind: tcp, host: 127.0.0.1, port: ${targetPort}, timeoutMs: 1000 }]\n`,
  );
  const bot = await createBot({
    settings: readSettings({
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: BENCH_SECRET,
      SLACK_API_URL: apiUrl,
      PORT: '0',
      // The main thread's nice (default 10) below the ingress thread's, to measure its effect.
      ...(process.env.BERS_WORK_NICE ? { BERS_WORK_NICE: process.env.BERS_WORK_NICE } : {}),
    }),
    config: configFrom(`services:\n${services.join('')}`),
    log: createLogger('warn', process.stderr as never),
    store,
    // The journal inbox on both stores: the PostgreSQL inbox has no schema of its own, and the
    // shared server's `public` schema belongs to the other runs on this machine.
    inbox: { kind: 'journal', dir: dataDir },
    scheduleReports: false,
  });
  await bot.start();
  process.send!({ port: bot.port()! });
  process.once('message', async () => {
    await bot.stop();
    if (tally.size > 0)
      process.stderr.write(`statements:\n${[...tally].map(([k, n]) => `${n}\t${k}`).join('\n')}\n`);
    if (schema) await store.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
    target.kill();
    process.exit(0);
  });
}

if (process.argv[1]?.endsWith('bers-http-child.ts')) await main(process.argv[2]!);
