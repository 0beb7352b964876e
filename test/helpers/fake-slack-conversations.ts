type Answer = Record<string, unknown>;

export interface FakeBookmark {
  id: string;
  channel_id: string;
  title: string;
  type: 'link';
  link: string;
}

/** Slack keeps a topic to 250 characters and answers `too_long` beyond. */
const TOPIC_LIMIT = 250;

/**
 * A channel's chrome in the fake Slack: topic (conversations.setTopic), bookmarks (bookmarks.add,
 * .edit, .list) and archiving (conversations.archive), with Slack's argument names and error codes.
 * A channel the bot is not in (`outsiders`) answers `not_in_channel`.
 */
export class FakeChannelChrome {
  readonly topics = new Map<string, string>();
  readonly bookmarks = new Map<string, FakeBookmark[]>();
  readonly archived = new Set<string>();
  readonly outsiders = new Set<string>();
  private seq = 0;

  answer(method: string, args: Answer): Answer | undefined {
    switch (method) {
      case 'conversations.setTopic':
        return this.setTopic(args);
      case 'conversations.archive':
        return this.archive(args);
      case 'bookmarks.add':
        return this.add(args);
      case 'bookmarks.edit':
        return this.edit(args);
      case 'bookmarks.list':
        return this.refuse(args.channel_id) ?? { ok: true, bookmarks: this.of(String(args.channel_id)) };
      default:
        return undefined;
    }
  }

  /** Why Slack would refuse a change in this channel, if it would. */
  private refuse(channel: unknown): Answer | undefined {
    if (typeof channel !== 'string' || !/^[CG][A-Z0-9]+$/.test(channel))
      return { ok: false, error: 'channel_not_found' };
    if (this.outsiders.has(channel)) return { ok: false, error: 'not_in_channel' };
    if (this.archived.has(channel)) return { ok: false, error: 'is_archived' };
    return undefined;
  }

  private setTopic(args: Answer): Answer {
    const refused = this.refuse(args.channel);
    if (refused) return refused;
    const topic = String(args.topic ?? '');
    if ([...topic].length > TOPIC_LIMIT) return { ok: false, error: 'too_long' };
    this.topics.set(String(args.channel), topic);
    return { ok: true, channel: { id: args.channel, topic: { value: topic, creator: 'UBOT' } } };
  }

  private archive(args: Answer): Answer {
    const channel = String(args.channel);
    if (this.archived.has(channel)) return { ok: false, error: 'already_archived' };
    const refused = this.refuse(channel);
    if (refused) return refused;
    this.archived.add(channel);
    return { ok: true };
  }

  private add(args: Answer): Answer {
    const refused = this.refuse(args.channel_id);
    if (refused) return refused;
    if (!args.title) return { ok: false, error: 'invalid_arguments' };
    if (args.type !== 'link') return { ok: false, error: 'invalid_bookmark_type' };
    if (!/^https?:\/\//.test(String(args.link ?? ''))) return { ok: false, error: 'invalid_link' };
    const channel = String(args.channel_id);
    const bookmark: FakeBookmark = {
      id: `Bk${String(++this.seq).padStart(8, '0')}`,
      channel_id: channel,
      title: String(args.title),
      type: 'link',
      link: String(args.link),
    };
    this.bookmarks.set(channel, [...this.of(channel), bookmark]);
    return { ok: true, bookmark };
  }

  private edit(args: Answer): Answer {
    const refused = this.refuse(args.channel_id);
    if (refused) return refused;
    const found = this.of(String(args.channel_id)).find((b) => b.id === args.bookmark_id);
    if (!found) return { ok: false, error: 'not_found' };
    if (args.link !== undefined && !/^https?:\/\//.test(String(args.link)))
      return { ok: false, error: 'invalid_link' };
    if (args.title !== undefined) found.title = String(args.title);
    if (args.link !== undefined) found.link = String(args.link);
    return { ok: true, bookmark: found };
  }

  of(channel: string): FakeBookmark[] {
    return this.bookmarks.get(channel) ?? [];
  }
}
