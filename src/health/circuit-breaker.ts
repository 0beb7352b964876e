import type { Clock } from '../core/clock.js';

export interface BreakerSettings {
  failureThreshold: number;
  cooldownMs: number;
}

type State = { kind: 'closed'; failures: number } | { kind: 'open'; until: number } | { kind: 'half-open' };

/**
 * Stops calling a target that keeps failing (seed 001: "circuit breakers showing as open"). After
 * `failureThreshold` consecutive failures it opens for `cooldownMs`; then one trial call decides
 * whether it closes again or stays open for another cool-down. Runtime state: a restart re-probes.
 */
export class CircuitBreaker {
  private state: State = { kind: 'closed', failures: 0 };

  constructor(
    private readonly settings: BreakerSettings,
    private readonly clock: Clock,
  ) {}

  /** Whether a call may go out now; when open, how long until the next trial. */
  permit(): { allowed: true } | { allowed: false; retryInMs: number } {
    if (this.state.kind !== 'open') return { allowed: true };
    const remaining = this.state.until - this.clock.now().getTime();
    if (remaining > 0) return { allowed: false, retryInMs: remaining };
    this.state = { kind: 'half-open' };
    return { allowed: true };
  }

  succeeded(): void {
    this.state = { kind: 'closed', failures: 0 };
  }

  failed(): void {
    const failures = this.state.kind === 'closed' ? this.state.failures + 1 : this.settings.failureThreshold;
    this.state =
      failures >= this.settings.failureThreshold
        ? { kind: 'open', until: this.clock.now().getTime() + this.settings.cooldownMs }
        : { kind: 'closed', failures };
  }

  get isOpen(): boolean {
    return this.state.kind === 'open';
  }
}
