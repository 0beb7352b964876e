import { parseConfig } from '../../src/config/load-config.js';
import type { BotConfig } from '../../src/config/schema.js';

/** A valid config from YAML text, for tests (no environment unless given). */
export function configFrom(yaml: string, env: Record<string, string> = {}): BotConfig {
  return parseConfig(yaml, 'test.yaml', env);
}

export const MINIMAL_CONFIG = `
services:
  - name: web
    checks:
      - kind: tcp
        host: 127.0.0.1
        port: 1
`;
