import type { InboxTarget } from '../inbox/kept-request.js';
import type { InboxWriter } from './inbox-writer.js';
import { JournalWriter } from './journal-writer.js';
import { PostgresInboxWriter } from './postgres-inbox-writer.js';

const nothingKept: InboxWriter = { keep: async () => true, close: async () => {} };

/** The inbox writer for the configured target (apart from the port, so the writers need not import it). */
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
