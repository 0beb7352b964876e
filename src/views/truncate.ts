// commands/ still cut their plain text with this; the cutting itself is core's (core/truncate.ts).
export { truncatePlain } from '../core/truncate.js';
