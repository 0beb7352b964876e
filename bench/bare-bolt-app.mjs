// The baseline of the start-up benchmarks: a bare Bolt app in HTTP mode, as little as Bolt needs
// to start (auth.test against SLACK_API_URL, then listening on PORT), answering GET /readyz.
// Plain JavaScript, so it is launched with no TypeScript loader, like the compiled bot.
import bolt from '@slack/bolt';

const receiver = new bolt.HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  customRoutes: [{ path: '/readyz', method: ['GET'], handler: (_req, res) => res.end('ready') }],
});
const app = new bolt.App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/bers', async ({ ack }) => ack());
await app.start(Number(process.env.PORT));
if (process.env.BARE_SAY) process.stdout.write(`${process.env.BARE_SAY}\n`);
process.on('SIGTERM', () => process.exit(0));
