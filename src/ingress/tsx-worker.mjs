// A worker started on a TypeScript module (see start-worker.ts): register tsx, then load the
// module, whose URL is the last argument.
import { register } from 'tsx/esm/api';

register();
await import(process.argv.at(-1));
