import type { Logger } from 'pino';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import type { Message } from '../core/message.js';
import { labelPattern } from '../core/written-regex.js';
import type { AlertGroup } from './alert-group.js';
import type { NotificationStore, StoredNotification } from './notification-store.js';

export interface LabelRoute {
  match: Record<string, string>;
  channel: string;
}

export type NotificationView = (notification: StoredNotification) => Message;

/** The runbook a firing group's *Run runbook* button starts, and for which service. */
export interface GroupRunbook {
  name: string;
  service?: string;
}

/** The rendering port of the notifications: a group's message, with its runbook's button if any (views implement it). */
export type GroupMessage = (notification: StoredNotification, runbook?: GroupRunbook) => Message;

export type NotifyOutcome = 'posted' | 'updated' | 'unknown-group' | 'pending';

/** The first route whose labels all match (a value written /regex/ is a regex), else the default. */
export function channelFor(
  labels: Record<string, string>,
  routes: readonly LabelRoute[],
  fallback: string,
): string {
  const matches = (pattern: string, value: string | undefined) => {
    if (value === undefined) return false;
    const regex = labelPattern(pattern);
    return regex ? regex.test(value) : pattern === value;
  };
  const route = routes.find((r) => Object.entries(r.match).every(([k, v]) => matches(v, labels[k])));
  return route?.channel ?? fallback;
}

/**
 * Posts firing groups to their routed channel and updates that message as the group changes or
 * resolves. The store is written first, so a restart (or another replica) knows the message.
 */
export class AlertNotifier {
  constructor(
    private readonly deps: {
      store: NotificationStore;
      chat: Chat;
      clock: Clock;
      log: Logger;
      view: NotificationView;
      routes: readonly LabelRoute[];
      defaultChannel: string;
    },
  ) {}

  async notify(group: AlertGroup): Promise<NotifyOutcome> {
    const { store, clock } = this.deps;
    if (group.status === 'firing' && (await store.claim(group, clock.now()))) {
      return this.post(group);
    }
    const before = await store.replace(group, clock.now());
    if (!before) {
      this.deps.log.info({ groupKey: group.key }, 'resolved group was never posted; nothing to update');
      return 'unknown-group';
    }
    if (!before.channel || !before.ts) {
      // The earlier post failed (Slack down): post now rather than leave the group unseen.
      return group.status === 'firing' ? this.post(group) : 'pending';
    }
    // A group that fires again after it resolved gets a fresh message: the old one stays as history.
    if (before.status === 'resolved' && group.status === 'firing') return this.post(group);
    await this.deps.chat.update(
      { channel: before.channel, ts: before.ts },
      this.deps.view({ ...before, status: group.status, group }),
    );
    return 'updated';
  }

  /** The stored notification a button's value names (the port buttons use, not the store). */
  notification(id: string): Promise<StoredNotification | undefined> {
    return this.deps.store.byId(id);
  }

  /** Keeps a note on a stored notification (who acknowledged it) and re-renders its message. */
  async annotate(id: string, note: string): Promise<void> {
    await this.deps.store.setNote(id, note);
    await this.refresh(id);
  }

  /** Re-renders the message of a stored group (after a button added a note). */
  async refresh(id: string): Promise<void> {
    const stored = await this.deps.store.byId(id);
    if (stored?.channel && stored.ts)
      await this.deps.chat.update({ channel: stored.channel, ts: stored.ts }, this.deps.view(stored));
  }

  private async post(group: AlertGroup): Promise<NotifyOutcome> {
    const channel = channelFor(
      { ...group.labels, ...group.groupLabels },
      this.deps.routes,
      this.deps.defaultChannel,
    );
    const stored = (await this.deps.store.byGroupKey(group.key))!;
    const fresh = { ...stored, status: group.status, group, note: undefined };
    const ref = await this.deps.chat.post(channel, this.deps.view(fresh));
    await this.deps.store.setMessage(group.key, ref.channel, ref.ts, null);
    return 'posted';
  }
}
