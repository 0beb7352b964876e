import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PgliteStore } from '../../src/store/pglite-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { type BotProcess, spawnBot } from './bot-process.js';
import { FakeSlack } from './fake-slack.js';
import { SIGNING_SECRET, slashCommandBody } from './http-bot.js';
import { signedHeaders } from './slack-signing.js';
import { uniqueSchema } from './stores.js';

export interface CrashRunOptions {
  kills: number;
  /** `postgres` runs two replicas on one database (one is killed, the other lives); needs a URL. */
  backend: 'pglite' | 'postgres';
  postgresUrl?: string;
  /** Declares sent per second while the bot runs. */
  rate?: number;
  /** The kill lands this long after a (re)start, at random within the range. */
  killAfterMs?: [number, number];
}

export interface CrashRunResult {
  sent: number;
  acked: number;
  /** Acked declares whose incident exists exactly once. */
  workedOnce: number;
  lost: number;
  duplicated: number;
  /** Acked declares whose user got at least one reply. */
  answered: number;
  /** Incidents whose channel was created more than once. */
  extraChannels: number;
  /** Incident numbers are 1..N with no gap. */
  gapless: boolean;
}

const CONFIG = `
services:
  - name: checkout
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
`;

interface Replica {
  proc: BotProcess;
  url: string;
}

async function startReplica(env: Record<string, string>): Promise<Replica> {
  const proc = spawnBot(env);
  await proc.waitForOutput('"HTTP server listening"', 90_000);
  const port = /"port":(\d+)[^\n]*"HTTP server listening"/.exec(proc.stdout())?.[1];
  return { proc, url: `http://127.0.0.1:${port}/slack/events` };
}

/**
 * Sends a stream of signed `/bers incident declare P3 crash-N` to the bot over HTTP, SIGKILLs it at
 * random moments and starts it again on the same store, then counts what every acked request became.
 */
export async function crashRun(options: CrashRunOptions): Promise<CrashRunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'bers-crash-'));
  const slack = await FakeSlack.start();
  const configFile = join(dir, 'bers.config.yaml');
  await writeFile(configFile, CONFIG);
  const schema = uniqueSchema();
  let databaseUrl: string | undefined;
  if (options.backend === 'postgres') {
    const client = new pg.Client({ connectionString: options.postgresUrl });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    databaseUrl = `${options.postgresUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-crash',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    BERS_CONFIG: configFile,
    BERS_WORK_NICE: '0',
    LOG_LEVEL: 'info',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { BERS_DATA_DIR: join(dir, 'data') }),
  };
  const acked = new Set<number>();
  let sent = 0;
  let victim = await startReplica(env);
  // On PostgreSQL a second replica shares the database and lives through every kill.
  const survivor = databaseUrl ? await startReplica(env) : undefined;
  let running = true;
  const inFlight = new Set<Promise<void>>();
  const send = (n: number, url: string) => {
    const body = slashCommandBody(`incident declare P3 crash-${n}`, slack.responseUrl(`c${n}`));
    const p = fetch(url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...signedHeaders(SIGNING_SECRET, body),
      },
    })
      .then(async (res) => {
        // An ack with a text is the bot saying it could not keep the command: not an ack of it.
        if (res.status === 200 && (await res.text()) === '') acked.add(n);
      })
      .catch(() => {})
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const interval = 1000 / (options.rate ?? 40);
  const sender = (async () => {
    while (running) {
      const n = ++sent;
      // A load balancer in front of the replicas: alternate between them.
      send(n, survivor && n % 2 === 0 ? survivor.url : victim.url);
      await new Promise((r) => setTimeout(r, interval));
    }
  })();
  const [lo, hi] = options.killAfterMs ?? [200, 1500];
  for (let k = 0; k < options.kills; k++) {
    await new Promise((r) => setTimeout(r, lo + Math.random() * (hi - lo)));
    victim.proc.child.kill('SIGKILL');
    await victim.proc.exited;
    victim = await startReplica(env);
  }
  await new Promise((r) => setTimeout(r, 500));
  running = false;
  await sender;
  await Promise.all([...inFlight]);
  const ackedList = [...acked];
  const answeredOf = () => ackedList.filter((n) => slack.responsesTo(`c${n}`).length > 0).length;
  // Everything acked is answered within a lease plus a sweep (PostgreSQL takeover) or at once.
  const until = Date.now() + 60_000;
  while (answeredOf() < ackedList.length && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
  await stopGracefully(victim, survivor);

  const store: Store = databaseUrl
    ? await PostgresStore.open(options.postgresUrl!, { schema })
    : await PgliteStore.open(join(dir, 'data'));
  try {
    const rows = await store.query<{ title: string; number: number }>('SELECT title, number FROM incidents');
    const byTitle = new Map<string, number>();
    for (const r of rows) byTitle.set(r.title, (byTitle.get(r.title) ?? 0) + 1);
    const countOf = (n: number) => byTitle.get(`crash-${n}`) ?? 0;
    const numbers = rows.map((r) => r.number).sort((a, b) => a - b);
    const created = slack.createdChannels();
    const channelsPer = new Map<string, number>();
    for (const name of created) {
      const n = /^inc-(\d+)-/.exec(name)?.[1] ?? name;
      channelsPer.set(n, (channelsPer.get(n) ?? 0) + 1);
    }
    return {
      sent,
      acked: ackedList.length,
      workedOnce: ackedList.filter((n) => countOf(n) === 1).length,
      lost: ackedList.filter((n) => countOf(n) === 0).length,
      duplicated: ackedList.filter((n) => countOf(n) > 1).length,
      answered: answeredOf(),
      extraChannels: [...channelsPer.values()].filter((c) => c > 1).length,
      gapless: numbers.every((value, i) => value === i + 1),
    };
  } finally {
    await store.close();
    await slack.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function stopGracefully(...replicas: (Replica | undefined)[]): Promise<void> {
  for (const r of replicas) r?.proc.child.kill('SIGTERM');
  await Promise.all(replicas.map((r) => r?.proc.exited));
}
