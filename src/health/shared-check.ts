import type { Clock } from '../core/clock.js';
import type { CheckResult } from './model.js';
import { attemptCheck, type CheckEntry, type CheckOptions, DEADLINE, type Deadline } from './run-check.js';

/** One call of a check's target and the runs waiting for it. */
interface Attempt {
  result: Promise<CheckResult>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
  /** When it answered (the clock's ms), if its answer may be shared. */
  answeredAt?: number;
}

export interface SharedResult {
  result: CheckResult;
  /** How old the answer was when this run took it: 0 unless it had come before this run asked. */
  ageMs: number;
}

/**
 * One check's target, asked by many runs at once: concurrent `/bers health`s (a channel full of
 * people after a page, or hundreds a second under load) share one call, the one in flight or one
 * that answered within `reuseMs`, instead of each opening its own connection to the service.
 * Without this, every ask costs every target a request, and at 600 asks a second the checks'
 * connections were most of what a `/bers health` cost the bot.
 *
 * What is never shared: an `unknown` answer (a breaker's refusal, a call the deadline cut), which
 * the next run asks again; and a re-check after an operation (`bypassBreaker`), which always calls
 * the target, because the question is what it says now. A run whose deadline passes stops waiting
 * on its own; the call is aborted only once no run waits for it. `reuseMs` 0: nothing is shared.
 */
export class SharedCheck {
  private latest?: Attempt;

  /** @param onCall told of each call's answer once, whoever waited for it (metrics). */
  constructor(
    readonly entry: CheckEntry,
    private readonly reuseMs: number,
    private readonly clock: Clock,
    private readonly onCall: (result: CheckResult) => void = () => {},
  ) {}

  async run(deadline: Deadline, options: CheckOptions = {}): Promise<SharedResult> {
    const now = this.clock.now().getTime();
    const joined = options.bypassBreaker ? undefined : this.joinable(now);
    const attempt = joined ?? this.start(options);
    const ageMs = attempt.answeredAt === undefined ? 0 : now - attempt.answeredAt;
    attempt.waiting++;
    const started = performance.now();
    let unlink = () => {};
    const cut = new Promise<undefined>((resolve) => {
      unlink = deadline.onExpiry(() => resolve(undefined));
    });
    try {
      const result = await Promise.race([attempt.result, cut]);
      if (result) return { result, ageMs };
      return { result: this.cutResult(started), ageMs: 0 };
    } finally {
      unlink();
      attempt.waiting--;
      if (attempt.waiting === 0 && !attempt.settled) attempt.controller.abort(DEADLINE);
    }
  }

  private joinable(now: number): Attempt | undefined {
    const latest = this.latest;
    if (!latest || this.reuseMs === 0) return undefined;
    if (!latest.settled) return latest;
    if (latest.answeredAt === undefined) return undefined;
    return now - latest.answeredAt < this.reuseMs ? latest : undefined;
  }

  private start(options: CheckOptions): Attempt {
    const controller = new AbortController();
    const result = attemptCheck(this.entry, controller, options);
    const attempt: Attempt = { controller, waiting: 0, settled: false, result };
    this.latest = attempt;
    // Registered before any run waits on it, so a run that wakes finds it settled.
    void result.then((answer) => {
      attempt.settled = true;
      if (answer.status !== 'unknown') attempt.answeredAt = this.clock.now().getTime();
      this.onCall(answer);
    });
    return attempt;
  }

  private cutResult(started: number): CheckResult {
    const { name, kind, critical } = this.entry;
    return {
      name,
      kind,
      critical,
      status: 'unknown',
      reason: 'no result before the overall deadline',
      latencyMs: Math.round(performance.now() - started),
    };
  }
}
