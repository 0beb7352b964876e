import type { InboxTarget, KeptRequest } from '../inbox/kept-request.js';
import { JournalWriter } from './journal-writer.js';
import { PostgresInboxWriter } from './postgres-inbox-writer.js';

/** Keeps a request durably before the ingress thread acks it. */
export interface InboxWriter {
  /** Resolves once the request is kept: true, or false when it was already kept (a retry). */
  keep(request: KeptRequest): Promise<boolean>;
  close(): Promise<void>;
}

const nothingKept: InboxWriter = { keep: async () => true, close: async () => {} };

export async function openInboxWriter(target: InboxTarget): Promise<InboxWriter> {
  switch (target.kind) {
    case 'journal':
      return new JournalWriter(target.dir);
    case 'postgres':
      return PostgresInboxWriter.open(target);
    case 'none':
      return nothingKept;
  }
}
