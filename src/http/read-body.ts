import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from './routes.js';

/** The whole request body, or undefined once it grows past `limit` (the caller answers 413). */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
