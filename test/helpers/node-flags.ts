import { readFileSync } from 'node:fs';

/**
 * The node flags a launcher's first line starts it with: `#!/usr/bin/env -S node --flag …`, or
 * none for `#!/usr/bin/env node`. The bin's first line (src/main.ts) is where the bot's flags are
 * decided; `npm start`, the Dockerfile and the benches (bench/startup-runs.ts, bench/load-driver.ts) launch
 * it with the same ones.
 */
export function nodeFlagsOf(file: string): string[] {
  const first = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
  const flags = /^#!\S*env(?: -S)? node(.*)$/.exec(first)?.[1] ?? '';
  return flags.split(/\s+/).filter(Boolean);
}
