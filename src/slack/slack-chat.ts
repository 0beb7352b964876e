import type { WebClient } from '@slack/web-api';
import {
  type Bookmark,
  type Chat,
  ChatError,
  type CreatedChannel,
  chatRefusal,
  type MessageRef,
  type ModalView,
  type PostOptions,
} from '../core/chat.js';
import type { Message } from '../core/message.js';
import { notificationText } from '../views/blocks.js';
import { toChatError } from './chat-errors.js';

/** The message metadata event type of the bot's markers (what `findMarked` looks for). */
const MARKER_EVENT = 'bers_step';
const CLOCK_MARGIN_MS = 5 * 60_000;
/** At most this many pages of 200, newest first, from the step's first attempt on: a bounded look. */
const HISTORY_PAGES = 5;

function markerMetadata(marker: string) {
  return { event_type: MARKER_EVENT, event_payload: { key: marker } };
}

/** The Chat port over Slack's Web API (the client Bolt made, so tests point it at a fake). */
export class SlackChat implements Chat {
  constructor(
    private readonly client: WebClient,
    private readonly teamUrl: () => string | undefined = () => undefined,
  ) {}

  async post(channel: string, message: Message, options: PostOptions = {}): Promise<MessageRef> {
    const contents = { channel, text: notificationText(message.text), blocks: message.blocks };
    const thread = options.threadTs
      ? { thread_ts: options.threadTs, reply_broadcast: options.broadcast === true }
      : {};
    const metadata = options.marker ? { metadata: markerMetadata(options.marker) } : {};
    const result = await this.client.chat
      .postMessage({ ...contents, ...thread, ...metadata, unfurl_links: false })
      .catch(toChatError);
    return { channel: String(result.channel ?? channel), ts: String(result.ts) };
  }

  async findMarked(
    channel: string,
    marker: string,
    since: Date,
    threadTs?: string,
  ): Promise<MessageRef | undefined> {
    // History wants an id; a configured `#name` is one of the bot's channels (it posts there).
    const id = channel.startsWith('#') ? (await this.findOwnChannel(channel.slice(1)))?.id : channel;
    if (!id) throw new ChatError('refused', `not a member of ${channel}`, { detail: 'not_in_channel' });
    // A margin for the clocks of this host and Slack; the message was posted moments after `since`.
    const oldest = ((since.getTime() - CLOCK_MARGIN_MS) / 1000).toFixed(6);
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES; page++) {
      const query = { channel: id, oldest, limit: 200, include_all_metadata: true, cursor };
      // A thread's replies are not in the channel's history: conversations.replies reads them.
      const result = await (threadTs
        ? this.client.conversations.replies({ ...query, ts: threadTs })
        : this.client.conversations.history(query)
      ).catch(toChatError);
      const found = (result.messages ?? []).find(
        (m) =>
          m.metadata?.event_type === MARKER_EVENT &&
          (m.metadata.event_payload as { key?: unknown } | undefined)?.key === marker,
      );
      if (found?.ts) return { channel: id, ts: found.ts };
      cursor = result.response_metadata?.next_cursor;
      if (!result.has_more || !cursor) return undefined;
    }
    return undefined;
  }

  async update(ref: MessageRef, message: Message): Promise<void> {
    await this.client.chat
      .update({
        channel: ref.channel,
        ts: ref.ts,
        text: notificationText(message.text),
        blocks: message.blocks ?? [],
      })
      .catch(toChatError);
  }

  async postEphemeral(channel: string, user: string, message: Message): Promise<void> {
    await this.client.chat.postEphemeral({
      channel,
      user,
      text: notificationText(message.text),
      blocks: message.blocks,
    });
  }

  async postToUser(user: string, message: Message): Promise<void> {
    // A user id as the channel posts into the bot's DM with that user (chat:write is enough).
    await this.post(user, message);
  }

  async createChannel(name: string, options: { private: boolean }): Promise<CreatedChannel> {
    const result = await this.client.conversations
      .create({ name, is_private: options.private })
      .catch(toChatError);
    return { id: String(result.channel?.id), name: String(result.channel?.name ?? name) };
  }

  async findOwnChannel(name: string): Promise<CreatedChannel | undefined> {
    // The bot's own channels, not the workspace's: a short list, and exactly the ones it created.
    for await (const page of this.client.paginate('users.conversations', {
      types: 'public_channel,private_channel',
      exclude_archived: true,
      limit: 200,
    })) {
      const channels = (page as { channels?: { id?: string; name?: string }[] }).channels ?? [];
      const found = channels.find((c) => c.name === name);
      if (found?.id) return { id: found.id, name };
    }
    return undefined;
  }

  async invite(channel: string, users: string[]): Promise<void> {
    if (users.length === 0) return;
    await this.client.conversations.invite({ channel, users: users.join(',') }).catch(toChatError);
  }

  async openModal(triggerId: string, view: ModalView): Promise<void> {
    await this.client.views.open({ trigger_id: triggerId, view });
  }

  async uploadFile(
    channel: string,
    file: { filename: string; content: Buffer; title: string; comment?: string },
  ): Promise<void> {
    await this.client
      .filesUploadV2({
        channel_id: channel,
        file: file.content,
        filename: file.filename,
        title: file.title,
        initial_comment: file.comment === undefined ? undefined : notificationText(file.comment),
      })
      .catch(toChatError);
  }

  async hasFile(channel: string, title: string): Promise<boolean> {
    // The newest files of the channel: the one looked for was uploaded moments before a crash.
    const result = await this.client.files.list({ channel, count: 100 }).catch(toChatError);
    return (result.files ?? []).some((f) => f.title === title);
  }

  async findUserByEmail(email: string): Promise<string | undefined> {
    try {
      const result = await this.client.users.lookupByEmail({ email });
      return result.user?.id;
    } catch {
      return undefined;
    }
  }

  async userName(userId: string): Promise<string | undefined> {
    try {
      const { user } = await this.client.users.info({ user: userId });
      return user?.profile?.display_name || user?.real_name || user?.name || undefined;
    } catch {
      return undefined;
    }
  }

  async userEmail(userId: string): Promise<string | undefined> {
    try {
      const { user } = await this.client.users.info({ user: userId });
      return user?.profile?.email || undefined;
    } catch {
      return undefined;
    }
  }

  async userGroupMembers(groupId: string): Promise<string[]> {
    const result = await this.client.usergroups.users.list({ usergroup: groupId });
    return result.users ?? [];
  }

  async setTopic(channel: string, topic: string): Promise<void> {
    await this.client.conversations
      .setTopic({ channel, topic: [...topic].slice(0, 250).join('') })
      .catch(toChatError);
  }

  async bookmarks(channel: string): Promise<Bookmark[]> {
    const result = await this.client.bookmarks.list({ channel_id: channel }).catch(toChatError);
    return (result.bookmarks ?? []).map((b) => ({
      id: String(b.id),
      title: String(b.title ?? ''),
      link: String(b.link ?? ''),
    }));
  }

  async addBookmark(channel: string, bookmark: { title: string; link: string }): Promise<string> {
    const result = await this.client.bookmarks
      .add({
        channel_id: channel,
        title: bookmark.title,
        type: 'link',
        link: bookmark.link,
      })
      .catch(toChatError);
    return String(result.bookmark?.id);
  }

  async editBookmark(channel: string, bookmark: Bookmark): Promise<void> {
    await this.client.bookmarks
      .edit({
        channel_id: channel,
        bookmark_id: bookmark.id,
        title: bookmark.title,
        link: bookmark.link,
      })
      .catch(toChatError);
  }

  async archive(channel: string): Promise<void> {
    try {
      await this.client.conversations.archive({ channel }).catch(toChatError);
    } catch (error) {
      // Someone archived it by hand first: what the timer wanted is done.
      if (chatRefusal(error) !== 'already_archived') throw error;
    }
  }

  channelLink(channel: string): string {
    if (channel.startsWith('#')) return channel;
    const base = this.teamUrl();
    return base ? `${base.replace(/\/$/, '')}/archives/${channel}` : `<#${channel}>`;
  }
}
