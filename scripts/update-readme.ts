// `npm run docs`: writes the command reference in README.md from the command registry
// (commands/index.ts). A test fails while they differ, so run this after changing a command.
import { readFileSync, writeFileSync } from 'node:fs';
import { commandDescriptions } from '../commands/index.js';
import { withCommandReference } from '../src/cli/readme-commands.js';

const readme = readFileSync('README.md', 'utf8');
const updated = withCommandReference(readme, commandDescriptions());
if (updated !== readme) writeFileSync('README.md', updated);
process.stdout.write(
  updated === readme ? 'README.md is up to date\n' : 'README.md: command reference updated\n',
);
