import { ConfigError, parseConfig } from '../../src/config/load-config.js';
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

/** Every problem a config has, as `path: message` lines (empty when it is valid). */
export function problemsOf(yaml: string, env: Record<string, string> = {}): string[] {
  try {
    parseConfig(yaml, 'test.yaml', env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

/** Two Unjucks services, one with an alias: what the maintenance tests silence. */
export const UNJUCKS_SERVICES = `
services:
  - name: unjucks-api
    aliases: [api]
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
  - name: unjucks-db
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
`;
