import type { KeptRequest } from '../inbox/kept-request.js';

/** Keeps a request durably before the ingress thread acks it. */
export interface InboxWriter {
  /** Resolves once the request is kept: true, or false when it was already kept (a retry). */
  keep(request: KeptRequest): Promise<boolean>;
  close(): Promise<void>;
}
