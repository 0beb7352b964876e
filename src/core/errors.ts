import type { Text } from './mrkdwn.js';

/** Error codes users and logs can rely on; known errors become friendly ephemeral replies. */
export enum ErrorCode {
  Usage = 'bers_usage',
  NotFound = 'bers_not_found',
  Forbidden = 'bers_forbidden',
  Conflict = 'bers_conflict',
  Unavailable = 'bers_unavailable',
  Config = 'bers_config',
  StoreLocked = 'bers_store_locked',
}

/**
 * A failure we expected and can explain to the user. `text` is what the user is shown: plain text
 * (escaped like any other, so input quoted in it stays text) or our markup (`md`, e.g. with a
 * mention); `message` is its plain-text reading, for logs.
 */
export class BersError extends Error {
  readonly text: Text;

  constructor(
    readonly code: ErrorCode,
    text: Text,
    options?: ErrorOptions,
  ) {
    super(String(text), options);
    this.name = new.target.name;
    this.text = text;
  }
}

/** Malformed input: the reply carries the usage of the command that was meant. */
export class UsageError extends BersError {
  constructor(
    message: Text,
    readonly usageOf?: string,
  ) {
    super(ErrorCode.Usage, message);
  }
}

export class NotFoundError extends BersError {
  constructor(message: Text) {
    super(ErrorCode.NotFound, message);
  }
}

export class ForbiddenError extends BersError {
  constructor(message: Text) {
    super(ErrorCode.Forbidden, message);
  }
}

export class ConflictError extends BersError {
  constructor(message: Text) {
    super(ErrorCode.Conflict, message);
  }
}

export class UnavailableError extends BersError {
  constructor(message: Text, options?: ErrorOptions) {
    super(ErrorCode.Unavailable, message, options);
  }
}

export function isBersError(error: unknown): error is BersError {
  return error instanceof BersError;
}
