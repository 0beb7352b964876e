#!/usr/bin/env -S node --max-semi-space-size=2
// V8's young generation (per isolate: this thread and the ingress thread) grows to 16 MB semi-spaces
// under load and keeps them; 2 MB measured 17–23 MiB less RSS idle and 41–67 MiB less after 10,000
// commands, at no CPU per command the load bench could tell apart (docs/benchmarks.md). The same
// flags are in `npm start` and the Dockerfile's ENTRYPOINT (tests in test/unit/repo/ hold them together).
import { type CliCommand, CliUsageError, parseCliArgs } from './cli/cli-args.js';
import { isBersError } from './core/errors.js';

/**
 * `bers-bot` (the package's bin), and the only place that reads process.env. Each command's
 * modules are imported when it runs, so `--help` or `manifest` never pay for the bot's start-up.
 */
async function main(command: CliCommand): Promise<void> {
  switch (command.kind) {
    case 'run': {
      const { runBot } = await import('./cli/run-bot.js');
      return runBot(process.env);
    }
    case 'help': {
      const [{ cliHelp }, { packageVersion }] = await Promise.all([
        import('./cli/cli-help.js'),
        import('./cli/package-version.js'),
      ]);
      process.stdout.write(cliHelp(packageVersion()));
      return;
    }
    case 'version': {
      const { packageVersion } = await import('./cli/package-version.js');
      process.stdout.write(`${packageVersion()}\n`);
      return;
    }
    case 'manifest': {
      const [{ appManifestYaml }, { commandDescriptions }] = await Promise.all([
        import('./slack/app-manifest.js'),
        import('../commands/index.js'),
      ]);
      process.stdout.write(appManifestYaml(commandDescriptions()));
      return;
    }
    case 'check': {
      const { runCheck } = await import('./cli/check/run-check.js');
      process.exitCode = await runCheck(command.config, process.env, process.stdout);
      return;
    }
  }
}

function parse(): CliCommand {
  try {
    return parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`bers-bot: ${error.message}\nRun \`bers-bot --help\` for usage.\n`);
    process.exit(2);
  }
}

main(parse()).catch((error: unknown) => {
  if (isBersError(error)) {
    process.stderr.write(`bers-bot: ${error.message}\n`);
  } else {
    process.stderr.write(`bers-bot: failed to start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
