import type { Clock } from '../core/clock.js';

export interface BreakerSettings {
  failureThreshold: number;
  cooldownMs: number;
}

type State =
  | { kind: 'closed'; failures: number }
  | { kind: 'open'; until: number }
  | { kind: 'half-open'; trialInFlight: boolean };

export type Permit =
  | { allowed: true }
  | { allowed: false; retryInMs: number; failures: number; lastFailure?: string };

/**
 * Stops calling a target that keeps failing (seed 001: "circuit breakers showing as open"). After
 * `failureThreshold` consecutive failures it opens for `cooldownMs`; then exactly one trial call
 * decides whether it closes again or stays open for another cool-down (concurrent `/bers health`
 * runs must not all hit a target that is probably still down). Runtime state: a restart re-probes.
 */
export class CircuitBreaker {
  private state: State = { kind: 'closed', failures: 0 };
  private failures = 0;
  private lastFailure: string | undefined;

  constructor(
    private readonly settings: BreakerSettings,
    private readonly clock: Clock,
  ) {}

  /** Whether a call may go out now; when not, how long until the next trial and why it opened. */
  permit(): Permit {
    if (this.state.kind === 'closed') return { allowed: true };
    if (this.state.kind === 'open') {
      const remaining = this.state.until - this.clock.now().getTime();
      if (remaining > 0) return this.refusal(remaining);
      this.state = { kind: 'half-open', trialInFlight: false };
    }
    if (this.state.trialInFlight) return this.refusal(0);
    this.state = { kind: 'half-open', trialInFlight: true };
    return { allowed: true };
  }

  succeeded(): void {
    this.state = { kind: 'closed', failures: 0 };
    this.failures = 0;
    this.lastFailure = undefined;
  }

  failed(reason?: string): void {
    this.failures += 1;
    this.lastFailure = reason;
    const failures = this.state.kind === 'closed' ? this.state.failures + 1 : this.settings.failureThreshold;
    this.state =
      failures >= this.settings.failureThreshold
        ? { kind: 'open', until: this.clock.now().getTime() + this.settings.cooldownMs }
        : { kind: 'closed', failures };
  }

  /** The call ended without a verdict (the overall deadline cut it): a half-open trial may go again. */
  inconclusive(): void {
    if (this.state.kind === 'half-open') this.state = { kind: 'half-open', trialInFlight: false };
  }

  get isOpen(): boolean {
    return this.state.kind === 'open';
  }

  private refusal(retryInMs: number): Permit {
    return { allowed: false, retryInMs, failures: this.failures, lastFailure: this.lastFailure };
  }
}
