import type { Message } from './message.js';

/** A posted message's address, used to update it later (e.g. "Acknowledged by …"). */
export interface MessageRef {
  channel: string;
  ts: string;
}

/**
 * Where a post goes within its channel: a reply in the thread of `threadTs`, and with `broadcast`
 * also shown in the channel itself (Slack's "Also send to #channel").
 */
export interface PostOptions {
  threadTs?: string;
  broadcast?: boolean;
  /** A key written on the message (Slack: its metadata), so `findMarked` can find it again. */
  marker?: string;
}

export interface CreatedChannel {
  id: string;
  name: string;
}

/** A channel bookmark (Slack's bookmarks.*): a titled link at the top of the channel. */
export interface Bookmark {
  id: string;
  title: string;
  link: string;
}

/** A modal view, in Block Kit's `view` shape (type "modal"). */
export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: { type: 'plain_text'; text: string };
  submit?: { type: 'plain_text'; text: string };
  close?: { type: 'plain_text'; text: string };
  private_metadata?: string;
  blocks: NonNullable<Message['blocks']>;
}

/**
 * Outbound chat, the port every flow talks to. Slack's Web API implements it in Slack modes;
 * the console implements it by printing. Channel arguments accept an id or a `#name`.
 */
export interface Chat {
  post(channel: string, message: Message, options?: PostOptions): Promise<MessageRef>;
  update(ref: MessageRef, message: Message): Promise<void>;
  /**
   * A message the bot posted in the channel (in the thread of `threadTs`, if given) since `since`
   * with this `marker`: one whose post was accepted but whose ts was lost (a crash before it was
   * recorded).
   */
  findMarked(
    channel: string,
    marker: string,
    since: Date,
    threadTs?: string,
  ): Promise<MessageRef | undefined>;
  postEphemeral(channel: string, user: string, message: Message): Promise<void>;
  /** A private message to one user (their DM with the bot), for answers that have no channel. */
  postToUser(user: string, message: Message): Promise<void>;
  createChannel(name: string, options: { private: boolean }): Promise<CreatedChannel>;
  /**
   * A channel of this name that the bot is a member of: one it created on an earlier attempt whose
   * result was lost (a crash between creating and recording it).
   */
  findOwnChannel(name: string): Promise<CreatedChannel | undefined>;
  invite(channel: string, users: string[]): Promise<void>;
  openModal(triggerId: string, view: ModalView): Promise<void>;
  uploadFile(
    channel: string,
    file: { filename: string; content: Buffer; title: string; comment?: string },
  ): Promise<void>;
  /**
   * Whether the channel already has a file of this title the bot uploaded: one uploaded by an
   * attempt whose record was lost (a crash between the upload and recording it).
   */
  hasFile(channel: string, title: string): Promise<boolean>;
  /** Slack user id whose profile e-mail matches, if any. */
  findUserByEmail(email: string): Promise<string | undefined>;
  /** A user's name as people know it (their display or real name), if the directory has them. */
  userName(userId: string): Promise<string | undefined>;
  /** A user's e-mail from their profile, if it is visible to the bot (maps them to PagerDuty). */
  userEmail(userId: string): Promise<string | undefined>;
  /** Member user ids of a Slack user group. */
  userGroupMembers(groupId: string): Promise<string[]>;
  /** Sets the channel's topic (Slack keeps at most 250 characters). */
  setTopic(channel: string, topic: string): Promise<void>;
  bookmarks(channel: string): Promise<Bookmark[]>;
  /** Adds a link bookmark; answers its id, kept to edit it later. */
  addBookmark(channel: string, bookmark: { title: string; link: string }): Promise<string>;
  editBookmark(channel: string, bookmark: Bookmark): Promise<void>;
  /** Archives the channel; one already archived is left as it is. */
  archive(channel: string): Promise<void>;
  /** A link people can click to open the channel. */
  channelLink(channel: string): string;
}

/**
 * Why a chat call failed, in our own words, for the failures a flow handles (a channel name that
 * exists, an invite that changes nothing). Each adapter maps its vendor's codes (Slack's in
 * slack/chat-errors.ts); any other failure stays the adapter's own error.
 */
export type ChatErrorCode =
  | 'name-taken'
  | 'already-member'
  | 'cannot-invite-self'
  | 'user-not-found'
  /** The platform answered and refused (not invited, a missing scope, archived): not worth a retry. */
  | 'refused';

export class ChatError extends Error {
  constructor(
    readonly code: ChatErrorCode,
    message: string,
    options?: { cause?: unknown; detail?: string },
  ) {
    super(message, options);
    this.name = 'ChatError';
    this.detail = options?.detail ?? code;
  }

  /** The platform's own word for the refusal (Slack's `not_in_channel`), for people to read. */
  readonly detail: string;
}

/** The ChatError code of a failure, if it is one. */
export function chatErrorCode(error: unknown): ChatErrorCode | undefined {
  return error instanceof ChatError ? error.code : undefined;
}

/** What the platform said when it refused, for a timeline warning; undefined if it never answered. */
export function chatRefusal(error: unknown): string | undefined {
  return error instanceof ChatError ? error.detail : undefined;
}
