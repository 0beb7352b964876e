/** `bers-bot --help`. The environment and files are described in README.md. */
export function cliHelp(version: string): string {
  return `bers-bot ${version} — Slack ChatOps and incident management for BERS, Upload Bridge, Unjucks and AI Chat

Usage:
  bers-bot                  run the bot: Socket Mode, HTTP mode or the console, chosen by the
                            environment (SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET;
                            neither: the console)
  bers-bot check [config]   validate a config (default: $BERS_CONFIG or ./bers.config.yaml) and its
                            templates, render every reply with sample data and check it against
                            Slack's Block Kit limits; exits 1 naming the path of each problem
  bers-bot manifest         print the Slack app manifest for these commands (manifest.yaml)
  bers-bot --help, -h       this help
  bers-bot --version, -v    the version

Environment (README "Environment"): BERS_CONFIG, PORT, DATABASE_URL, BERS_DATA_DIR,
SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, SLACK_API_URL, PAGERDUTY_*, LOG_LEVEL,
BERS_WORK_NICE.

Exit codes: 0 ok · 1 failed (or \`check\` found problems) · 2 bad command line, environment or config.
`;
}
