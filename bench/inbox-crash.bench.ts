// "An ack means it is kept", measured: a stream of signed `/bers incident declare` over HTTP while
// the bot is SIGKILLed at random moments and restarted on the same store. The sender is the
// independent client: it counts what was acked; the store and the fake Slack say what each became.
// Usage: node --import tsx bench/inbox-crash.bench.ts [embeddedKills=30] [postgresKills=12]
// PostgreSQL runs two replicas (one killed each time) when TEST_DATABASE_URL is set.
import { crashRun } from '../test/helpers/crash-run.js';

const [embeddedKills = 30, postgresKills = 12] = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const postgresUrl = process.env.TEST_DATABASE_URL;

const rows: string[][] = [];
const run = async (name: string, kills: number, backend: 'pglite' | 'postgres') => {
  const r = await crashRun({ kills, backend, postgresUrl, killAfterMs: [100, 2000] });
  rows.push([
    name,
    String(kills),
    String(r.sent),
    String(r.acked),
    String(r.workedOnce),
    String(r.lost),
    String(r.duplicated),
    String(r.answered),
    String(r.extraChannels),
    r.gapless ? 'yes' : 'NO',
  ]);
  return r;
};

const results = [await run('embedded store', embeddedKills, 'pglite')];
if (postgresUrl) results.push(await run('PostgreSQL, 2 replicas', postgresKills, 'postgres'));

const header = [
  'store',
  'kills',
  'sent',
  'acked',
  'worked once',
  'lost',
  'duplicated',
  'answered',
  'extra channels',
  'gapless',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
// Goal: every acked request worked exactly once and answered.
const ok = results.every((r) => r.lost === 0 && r.duplicated === 0 && r.answered === r.acked && r.gapless);
process.exit(ok ? 0 : 1);
