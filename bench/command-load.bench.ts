/**
 * Work under load (issue 16): signed `/bers health` and `/bers incident list` sent open loop at
 * 50 and at 600 commands/s in HTTP mode, each reply timed from its send until the fake Slack
 * receives it on the command's response_url, and the CPU the app's process used (every thread,
 * from /proc) per command; beside a bare Bolt app that acks and replies "ok" the same way
 * (bench/bare-bolt-app.mjs), in rounds that alternate between the two in the same run. Goals:
 * p99 at 600/s ≤ 3× the same command's p99 at 50/s; CPU per command ≤ 1.25× the bare app's.
 * Then a staircase of `/bers health` from 100 to 1,000 commands/s: the highest rate whose reply
 * p99 stays under 2 s with every command answered.
 *
 *   node --import tsx bench/command-load.bench.ts
 *   BENCH_SECONDS (per command, rate and app; default 10), BENCH_ROUNDS (default 2),
 *   BENCH_STAIRS (default 100,200,400,600,800,1000; "" skips), BENCH_STEP_SECONDS (default 3),
 *   BENCH_OPEN_INCIDENTS (default 10), BENCH_SERVICES (default 5), BENCH_DATABASE_URL,
 *   BENCH_COMMANDS (default "health,incident list"), BENCH_CPU_PROFILE=<dir> (bers-bot's threads),
 *   BENCH_WARMUP_SECONDS (untimed, at 600/s, per command and app; default 5), BENCH_COLD_SECONDS
 *   (the first seconds at 600/s after start, reported apart; default 3),
 *   BENCH_STATEMENTS=1 (bers-bot's store statements tallied, printed at its stop).
 */
import { cpus } from 'node:os';
import { printSummary } from './bench-summary.js';
import { type App, load, type Phase, percentile, startBare, startBers, startSink } from './load-driver.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const RATES = [50, 600];
const COMMANDS = (process.env.BENCH_COMMANDS ?? 'health,incident list').split(',');
const STAIRS = (process.env.BENCH_STAIRS ?? '100,200,400,600,800,1000')
  .split(',')
  .filter(Boolean)
  .map(Number);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 3);
const STAIR_P99_MS = 2000;
/** Untimed seconds at 600/s per command and app before the timed rounds. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
/** The first seconds of each app at 600/s, straight after start, reported apart (`cold`). */
const COLD_SECONDS = Number(process.env.BENCH_COLD_SECONDS ?? 3);

interface Totals {
  sent: number;
  errors: number;
  replies: number[];
  cpuMs: number;
}
const empty = (): Totals => ({ sent: 0, errors: 0, replies: [], cpuMs: 0 });
function add(t: Totals, p: Phase): void {
  t.sent += p.sent;
  t.errors += p.errors;
  t.replies.push(...p.replies);
  t.cpuMs += p.cpuMs;
}
const ms = (n: number) => (n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`);
const cpuPer = (t: Totals) => t.cpuMs / Math.max(1, t.sent);

async function main(): Promise<void> {
  console.log(`host: ${cpus().length} cores, load average ${load()}`);
  console.log(
    `command load: ${COMMANDS.map((c) => `\`/bers ${c}\``).join(', ')} at ${RATES.join(' and ')}/s, ` +
      `${SECONDS} s per command, rate and app in ${ROUNDS} interleaved rounds; HTTP mode, ` +
      `${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded store'}`,
  );
  const sink = await startSink();
  const bare = await startBare(sink);
  const bers = await startBers(sink);
  // Warm-up, untimed and the same for both apps: JIT, connections, the store's first queries, and
  // WARMUP_SECONDS at the high rate, so its rows measure a running bot, not its first seconds
  // (those are the `cold` rows below, measured once on each app before the warm-up).
  const cold = new Map<App, Phase>();
  for (const app of [bare, bers]) cold.set(app, await app.run(COMMANDS[0]!, RATES[1]!, COLD_SECONDS));
  for (const app of [bare, bers])
    for (const c of COMMANDS) {
      await app.run(c, 50, 2);
      if (WARMUP_SECONDS > 0) await app.run(c, RATES[1]!, WARMUP_SECONDS);
    }
  for (const [app, p] of cold)
    console.log(
      `  cold: \`/bers ${COMMANDS[0]}\` at ${RATES[1]}/s, the app's first ${COLD_SECONDS} s under load · ${app.name.padEnd(10)} ` +
        `reply p50 ${ms(percentile(p.replies, 50))} p99 ${ms(percentile(p.replies, 99))} · ${p.replies.length}/${p.sent} answered`,
    );
  printSummary({
    figure: `\`${COMMANDS[0]}\` reply p99 in the first ${COLD_SECONDS} s at ${RATES[1]}/s after start (load ${load()})`,
    ours: ms(percentile(cold.get(bers)!.replies, 99)),
    baseline: `${ms(percentile(cold.get(bare)!.replies, 99))} (bare Bolt)`,
    goal: 'reported',
    pass: undefined,
  });
  const results = new Map<string, { bers: Totals; bare: Totals }>();
  for (const command of COMMANDS)
    for (const rate of RATES) {
      const key = `${command}@${rate}`;
      const totals = { bers: empty(), bare: empty() };
      results.set(key, totals);
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which app goes first, so a drift in the machine's load favours neither.
        const order: [App, Totals][] =
          round % 2 === 0
            ? [
                [bare, totals.bare],
                [bers, totals.bers],
              ]
            : [
                [bers, totals.bers],
                [bare, totals.bare],
              ];
        for (const [app, t] of order) add(t, await app.run(command, rate, SECONDS / ROUNDS));
      }
      const row = (name: string, t: Totals) =>
        console.log(
          `  ${key.padEnd(20)} ${name.padEnd(10)} reply p50 ${ms(percentile(t.replies, 50)).padStart(8)} ` +
            `p99 ${ms(percentile(t.replies, 99)).padStart(8)} · ${t.replies.length}/${t.sent} answered, ` +
            `${t.errors} errors · CPU ${cpuPer(t).toFixed(2)} ms/command · load ${load()}`,
        );
      row('bare Bolt', totals.bare);
      row('bers-bot', totals.bers);
    }

  console.log(`\n| figure | bers-bot | bare Bolt (ack + "ok") | ratio | goal |\n|---|---|---|---|---|`);
  for (const command of COMMANDS) {
    const low = results.get(`${command}@50`)!;
    const high = results.get(`${command}@600`)!;
    for (const rate of RATES) {
      const r = results.get(`${command}@${rate}`)!;
      const [p50, p99] = [50, 99].map((p) => [percentile(r.bers.replies, p), percentile(r.bare.replies, p)]);
      console.log(
        `| \`${command}\` reply p50 / p99 at ${rate}/s | ${ms(p50![0]!)} / ${ms(p99![0]!)} | ${ms(p50![1]!)} / ${ms(p99![1]!)} | ${(p99![0]! / p99![1]!).toFixed(2)}× (p99) | — |`,
      );
    }
    const growth = percentile(high.bers.replies, 99) / percentile(low.bers.replies, 99);
    const bareGrowth = percentile(high.bare.replies, 99) / percentile(low.bare.replies, 99);
    const cpuRatio = cpuPer(high.bers) / cpuPer(high.bare);
    const unanswered = high.bers.sent - high.bers.replies.length;
    console.log(
      `| \`${command}\` p99 at 600/s ÷ p99 at 50/s | ${growth.toFixed(2)}× | ${bareGrowth.toFixed(2)}× | — | ≤ 3× |`,
    );
    console.log(
      `| \`${command}\` CPU per command at 600/s | ${cpuPer(high.bers).toFixed(2)} ms | ${cpuPer(high.bare).toFixed(2)} ms | ${cpuRatio.toFixed(2)}× | ≤ 1.25× |`,
    );
    printSummary({
      figure: `\`${command}\` reply p99, 600/s ÷ 50/s (load ${load()})`,
      ours: `${growth.toFixed(2)}× (${ms(percentile(high.bers.replies, 99))} / ${ms(percentile(low.bers.replies, 99))})${unanswered ? `, ${unanswered} unanswered` : ''}`,
      baseline: `${bareGrowth.toFixed(2)}× (bare Bolt, ack + "ok")`,
      goal: '≤ 3×',
      pass: unanswered === 0 && growth <= 3,
    });
    printSummary({
      figure: `\`${command}\` CPU per command at 600/s (load ${load()})`,
      ours: `${cpuPer(high.bers).toFixed(2)} ms`,
      baseline: `${cpuPer(high.bare).toFixed(2)} ms (bare Bolt)`,
      goal: '≤ 1.25× baseline',
      pass: cpuRatio <= 1.25,
    });
  }

  if (STAIRS.length > 0) {
    console.log(
      `\nstaircase: \`/bers health\`, ${STEP_SECONDS} s per step and app, until reply p99 ≥ ${STAIR_P99_MS} ms`,
    );
    const best = new Map<App, number>();
    const going = new Set<App>([bare, bers]);
    for (const [step, rate] of STAIRS.entries()) {
      for (const app of step % 2 === 0 ? [bare, bers] : [bers, bare]) {
        if (!going.has(app)) continue;
        const p = await app.run('health', rate, STEP_SECONDS);
        const p99 = percentile(p.replies, 99);
        const ok = p.replies.length === p.sent && p.errors === 0 && p99 < STAIR_P99_MS;
        console.log(
          `  ${String(rate).padStart(5)}/s ${app.name.padEnd(10)} p99 ${ms(p99).padStart(8)} · ` +
            `${p.replies.length}/${p.sent} answered · CPU ${(p.cpuMs / p.sent).toFixed(2)} ms/command · load ${load()}`,
        );
        if (ok) best.set(app, rate);
        else going.delete(app);
      }
    }
    const top = (app: App) => (best.has(app) ? `${best.get(app)}/s` : `< ${STAIRS[0]}/s`);
    printSummary({
      figure: `highest rate with reply p99 < 2 s, \`/bers health\` (load ${load()})`,
      ours: top(bers),
      baseline: `${top(bare)} (bare Bolt)`,
      goal: `reported (steps ${STAIRS.join(', ')})`,
      pass: undefined,
    });
  }
  await bare.stop();
  await bers.stop();
  sink.stop();
  console.log(`load average at the end: ${load()}`);
}

await main();
