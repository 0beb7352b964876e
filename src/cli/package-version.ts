import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../core/project-root.js';

/** The version in package.json: the one source of truth for `--version` and the CHANGELOG. */
export function packageVersion(root = projectRoot()): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
}
