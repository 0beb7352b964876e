/** How a dead ingress thread is restarted, and when the bot stops trying. */
export interface RestartPolicy {
  /** This many crashes within `windowMs` are fatal: something is wrong beyond one bad request. */
  maxCrashes: number;
  windowMs: number;
  /** The wait before the first restart; it doubles with each recent crash, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxCrashes: 5,
  windowMs: 60_000,
  firstDelayMs: 100,
  maxDelayMs: 5_000,
};

/** The crashes of one ingress, counted over a sliding window. */
export class CrashHistory {
  private crashes: number[] = [];

  constructor(
    readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash: the wait before the next start, or undefined when it is time to give up. */
  record(): number | undefined {
    const at = this.now();
    this.crashes = [...this.crashes.filter((c) => at - c < this.policy.windowMs), at];
    const recent = this.crashes.length;
    if (recent >= this.policy.maxCrashes) return undefined;
    return Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** (recent - 1));
  }

  /** Crashes within the window, as of the last `record`. */
  get recent(): number {
    return this.crashes.length;
  }
}
