import { type Clock, systemClock } from '../core/clock.js';
import { handlerActionId } from '../core/command.js';
import type { RenderedButton } from './render-text.js';

export interface PressableButton extends RenderedButton {
  channel: string;
  ts?: string;
}

/**
 * Slack lets a message's buttons be answered through its response_url for 30 minutes; the console's
 * buttons live as long, so a `click 3` typed after lunch does not act on a long-forgotten reply.
 */
export const BUTTON_LIFETIME_MS = 30 * 60_000;

/** A button's number looked up: the button, or why it can no longer be pressed. */
export type ButtonLookup =
  | { kind: 'ok'; button: PressableButton }
  | { kind: 'unknown' }
  | { kind: 'expired'; minutes: number }
  | { kind: 'superseded' };

interface Entry {
  button: PressableButton;
  message: string;
  shownAt: number;
  superseded: boolean;
}

/**
 * Buttons shown in the terminal, numbered so the operator can `click <n>` them. A button expires
 * with its message: after BUTTON_LIFETIME_MS, or when the message is printed again updated (the
 * buttons of the new version replace it, as in Slack, where an updated message loses its old ones).
 */
export class ButtonBoard {
  private next = 1;
  private printed = 0;
  private readonly buttons = new Map<number, Entry>();

  constructor(
    private readonly clock: Clock = systemClock,
    private readonly lifetimeMs = BUTTON_LIFETIME_MS,
  ) {}

  /** Starts a printed message: buttons added until the next call belong to it. */
  beginMessage(channel: string, ts?: string): string {
    const key = ts ? `${channel}/${ts}` : `printed-${++this.printed}`;
    for (const entry of this.buttons.values()) if (entry.message === key) entry.superseded = true;
    return key;
  }

  add(button: PressableButton, message = this.beginMessage(button.channel, button.ts)): number {
    const n = this.next++;
    this.buttons.set(n, { button, message, shownAt: this.clock.now().getTime(), superseded: false });
    this.forgetOld();
    return n;
  }

  lookup(n: number): ButtonLookup {
    const entry = this.buttons.get(n);
    if (!entry) return { kind: 'unknown' };
    if (entry.superseded) return { kind: 'superseded' };
    const age = this.clock.now().getTime() - entry.shownAt;
    if (age > this.lifetimeMs) return { kind: 'expired', minutes: Math.floor(age / 60_000) };
    return { kind: 'ok', button: entry.button };
  }

  get(n: number): PressableButton | undefined {
    const found = this.lookup(n);
    return found.kind === 'ok' ? found.button : undefined;
  }

  /** The newest live button whose action id ends with `suffix` (`:confirm`, `:cancel`), for yes/no. */
  latest(suffix: string): number | undefined {
    const numbers = [...this.buttons.keys()].reverse();
    return numbers.find((n) => {
      const id = this.get(n)?.actionId;
      return id !== undefined && handlerActionId(id).endsWith(suffix);
    });
  }

  /** Expired buttons are kept a while to explain themselves, then dropped, so the map stays small. */
  private forgetOld(): void {
    const cutoff = this.clock.now().getTime() - 4 * this.lifetimeMs;
    for (const [n, entry] of this.buttons) if (entry.shownAt < cutoff) this.buttons.delete(n);
  }
}
