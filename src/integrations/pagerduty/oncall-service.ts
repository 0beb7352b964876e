import type { PagerDutySettings } from '../../config/pagerduty-schema.js';
import type { Chat } from '../../core/chat.js';
import type { Clock } from '../../core/clock.js';
import { NotFoundError } from '../../core/errors.js';
import type { OnCall, OnCallAnswer } from '../../incident/on-call.js';
import type { OnCallClient } from './oncall-client.js';

export type { OnCallAnswer } from '../../incident/on-call.js';

/** Who is on call for a service (or everything configured), cached for `oncall.cacheSeconds`. */
export class OnCallService implements OnCall {
  private readonly cache = new Map<string, OnCallAnswer>();

  constructor(
    private readonly client: OnCallClient,
    private readonly settings: PagerDutySettings,
    private readonly chat: Chat,
    private readonly clock: Clock,
  ) {}

  async lookup(service?: string): Promise<OnCallAnswer> {
    const key = service ?? '*';
    const cached = this.cache.get(key);
    const ttlMs = this.settings.oncall.cacheSeconds * 1000;
    if (cached && this.clock.now().getTime() - cached.at.getTime() < ttlMs) return cached;
    const filter = this.filterFor(service);
    const entries = await this.client.onCall(filter);
    const people = await Promise.all(
      entries.map(async (entry) => {
        const id = entry.user.email
          ? await this.chat.findUserByEmail(entry.user.email).catch(() => undefined)
          : undefined;
        return id ? { ...entry, slackUserId: id } : entry;
      }),
    );
    const answer = { service, people, at: this.clock.now() };
    this.cache.set(key, answer);
    return answer;
  }

  private filterFor(service?: string): { escalationPolicies: string[]; schedules: string[] } {
    const { services, oncall } = this.settings;
    if (service !== undefined) {
      const entry = services[service];
      if (!entry || entry.escalationPolicies.length + entry.schedules.length === 0) {
        throw new NotFoundError(
          `No escalation policy or schedule is configured for *${service}* (pagerduty.services.${service}).`,
        );
      }
      return { escalationPolicies: entry.escalationPolicies, schedules: entry.schedules };
    }
    const all = [oncall, ...Object.values(services)];
    const filter = {
      escalationPolicies: [...new Set(all.flatMap((e) => e.escalationPolicies))],
      schedules: [...new Set(all.flatMap((e) => e.schedules))],
    };
    if (filter.escalationPolicies.length + filter.schedules.length === 0) {
      throw new NotFoundError(
        'No escalation policies or schedules are configured (pagerduty.oncall in the config).',
      );
    }
    return filter;
  }
}
