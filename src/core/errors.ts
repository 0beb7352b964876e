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

/** A failure we expected and can explain to the user; its message is shown as is. */
export class BersError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Malformed input: the reply carries the usage of the command that was meant. */
export class UsageError extends BersError {
  constructor(
    message: string,
    readonly usageOf?: string,
  ) {
    super(ErrorCode.Usage, message);
  }
}

export class NotFoundError extends BersError {
  constructor(message: string) {
    super(ErrorCode.NotFound, message);
  }
}

export class ForbiddenError extends BersError {
  constructor(message: string) {
    super(ErrorCode.Forbidden, message);
  }
}

export class ConflictError extends BersError {
  constructor(message: string) {
    super(ErrorCode.Conflict, message);
  }
}

export class UnavailableError extends BersError {
  constructor(message: string, options?: ErrorOptions) {
    super(ErrorCode.Unavailable, message, options);
  }
}

export function isBersError(error: unknown): error is BersError {
  return error instanceof BersError;
}
