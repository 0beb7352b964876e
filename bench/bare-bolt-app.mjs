// The baseline of the start-up benchmarks: a bare Bolt app in HTTP mode, as little as Bolt needs
// to start (auth.test against SLACK_API_URL, then listening on PORT), answering GET /readyz.
// Plain JavaScript, so it is launched with no TypeScript loader, like the compiled bot.
// BARE_REPLY=<text>: after the ack it also answers each command with that text through its
// response_url (Bolt's respond()), the baseline of the load benches.
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
const reply = process.env.BARE_REPLY;
app.command('/bers', async ({ ack, respond }) => {
  await ack();
  if (reply) await respond({ text: reply });
});
await app.start(Number(process.env.PORT));
if (process.env.BARE_SAY) process.stdout.write(`${process.env.BARE_SAY}\n`);
process.on('SIGTERM', () => process.exit(0));
