/**
 * `/bers incident list` with 1,000 open incidents (issue 16): the bot in HTTP mode in its own
 * process, a signed command at a time, timed from its send until the fake Slack receives the
 * reply on the command's response_url (the fake refuses what Slack refuses, so a reply past
 * Slack's limits never arrives); the reply's size and block text. Baseline in the same run, the
 * rounds interleaved: the same query as raw SQL (the repository's `listOpen`), all rows read, by an
 * independent client: `pg` on the same PostgreSQL tables with BENCH_DATABASE_URL, otherwise
 * PGlite itself (no bers-bot code) on a copy of the same rows. Goal: ≤ 3× the SQL, reply within
 * Slack's limits (a page at a time).
 *
 *   node --import tsx bench/incident-list.bench.ts      (BENCH_OPEN_INCIDENTS, BENCH_ROUNDS)
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { Pool } from 'undici';
import { openStore } from '../src/store/open-store.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { slashCommandBody } from '../test/helpers/http-bot.js';
import { BLOCKS_TEXT_LIMIT, blocksTextLength } from '../test/helpers/slack-limits.js';
import { signedHeaders } from '../test/helpers/slack-signing.js';
import { printSummary } from './bench-summary.js';
import { BENCH_SECRET, seedIncidents } from './bers-http-child.js';
import { forkBers, load, percentile } from './load-driver.js';

const OPEN = Number(process.env.BENCH_OPEN_INCIDENTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const DATABASE_URL = process.env.BENCH_DATABASE_URL;
/** The query behind `incident list` (src/incident/incident-repository.ts, listOpen). */
const SQL = 'SELECT * FROM incidents WHERE resolved_at IS NULL ORDER BY severity, number';

/** The independent client: its own connection, the same query, every row read. */
async function rawClient(botPid: number): Promise<{ run(): Promise<number>; close(): Promise<void> }> {
  if (DATABASE_URL) {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    // bench/bers-http-child.ts keeps the bot's tables in a schema named after its process.
    await client.query(`SET search_path = bench_load_${botPid}`);
    return {
      async run() {
        const started = performance.now();
        const { rows } = await client.query(SQL);
        if (rows.length !== OPEN) throw new Error(`raw SQL read ${rows.length} rows`);
        return performance.now() - started;
      },
      close: () => client.end(),
    };
  }
  // The embedded store's data directory is locked by the bot; the same rows in a directory of its own.
  const dir = await mkdtemp(join(tmpdir(), 'bers-list-raw-'));
  const seeded = await openStore({ dataDir: dir });
  await seedIncidents(seeded, OPEN);
  await seeded.close();
  const db = await PGlite.create(dir);
  return {
    async run() {
      const started = performance.now();
      const { rows } = await db.query(SQL);
      if (rows.length !== OPEN) throw new Error(`raw SQL read ${rows.length} rows`);
      return performance.now() - started;
    },
    async close() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  console.log(`host: ${cpus().length} cores, load average ${load()}`);
  console.log(
    `\`/bers incident list\` with ${OPEN} open incidents, ${ROUNDS} interleaved rounds, ` +
      `${DATABASE_URL ? 'PostgreSQL' : 'embedded store'}, HTTP mode`,
  );
  const slack = await FakeSlack.start();
  const bot = await forkBers(slack.apiUrl, { BENCH_OPEN_INCIDENTS: String(OPEN) });
  const raw = await rawClient(bot.child.pid!);
  const pool = new Pool(`http://127.0.0.1:${bot.port}`, { connections: 1 });
  const list = async (text: string) => {
    const id = randomBytes(8).toString('hex');
    const body = slashCommandBody(text, slack.responseUrl(id));
    const started = performance.now();
    const { statusCode, body: ack } = await pool.request({
      path: '/slack/events',
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(BENCH_SECRET, body) },
    });
    await ack.dump();
    if (statusCode !== 200) throw new Error(`ack ${statusCode}`);
    const reply = await slack.waitFor(() => slack.responsesTo(id)[0], 30_000, `reply to ${text}`);
    return { ms: performance.now() - started, reply };
  };
  // Warm-up: JIT, the first queries of each connection.
  await list('incident list');
  await raw.run();
  const replies: number[] = [];
  const sql: number[] = [];
  let last = (await list('incident list')).reply;
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate who goes first, so a drift in the machine's load weighs on both.
    if (round % 2 === 0) sql.push(await raw.run());
    const { ms, reply } = await list('incident list');
    replies.push(ms);
    last = reply;
    if (round % 2 === 1) sql.push(await raw.run());
  }
  const page2 = await list('incident list page 2');
  const bytes = Buffer.byteLength(JSON.stringify(last));
  const blockText = blocksTextLength((last.blocks as unknown[]) ?? []);
  const footer = JSON.stringify(last.blocks).match(/page 1 of \d+|\d+ pages?/)?.[0] ?? '';
  await pool.close();
  await raw.close();
  bot.child.send('stop');
  await new Promise((resolve) => bot.child.once('exit', resolve));
  await slack.close();

  const ours = percentile(replies, 50);
  const base = percentile(sql, 50);
  const f = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `\n| figure | bers-bot | raw SQL, independent client | ratio | goal |\n|---|---|---|---|---|\n` +
      `| reply, send → received (median; min–max) | ${f(ours)} (${f(Math.min(...replies))}–${f(Math.max(...replies))}) | ${f(base)} (${f(Math.min(...sql))}–${f(Math.max(...sql))}) | ${(ours / base).toFixed(2)}× | ≤ 3× |\n` +
      `| reply size | ${(bytes / 1024).toFixed(1)} KB, ${blockText} characters of block text ${footer ? `(${footer})` : ''} | — | — | ≤ ${BLOCKS_TEXT_LIMIT} characters |\n` +
      `| page 2 | ${f(page2.ms)}, ${(Buffer.byteLength(JSON.stringify(page2.reply)) / 1024).toFixed(1)} KB | — | — | — |`,
  );
  console.log(`load average ${load()}`);
  printSummary({
    figure: `\`incident list\`, ${OPEN} open incidents (load ${load()})`,
    ours: `${f(ours)}, ${(bytes / 1024).toFixed(1)} KB reply`,
    baseline: `${f(base)} (raw SQL)`,
    goal: '≤ 3× the SQL, within Slack’s limits',
    pass: ours <= 3 * base && blockText <= BLOCKS_TEXT_LIMIT,
  });
}

await main();
