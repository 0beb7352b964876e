import type { RenderedButton } from './render-text.js';

export interface PressableButton extends RenderedButton {
  channel: string;
  ts?: string;
}

/** Buttons shown in the terminal, numbered so the operator can `click <n>` them. */
export class ButtonBoard {
  private next = 1;
  private readonly buttons = new Map<number, PressableButton>();

  add(button: PressableButton): number {
    const n = this.next++;
    this.buttons.set(n, button);
    return n;
  }

  get(n: number): PressableButton | undefined {
    return this.buttons.get(n);
  }

  /** The newest button whose action id ends with `suffix` (`:confirm`, `:cancel`), for yes/no. */
  latest(suffix: string): number | undefined {
    const found = [...this.buttons.entries()].reverse().find(([, b]) => b.actionId.endsWith(suffix));
    return found?.[0];
  }
}
