// A bot process for restart tests: pages three times, says so, then runs until it is killed.
// PagerDuty's certificate is trusted the way an operator would: NODE_EXTRA_CA_CERTS.
import { PassThrough } from 'node:stream';
import { createBot } from '../../src/app.js';
import { readSettings } from '../../src/config/settings.js';
import { captureLogs } from './logs.js';
import { pageRequest, pagingConfig } from './pagerduty.js';

const bot = await createBot({
  settings: readSettings({ ...process.env, PORT: '0' }),
  config: pagingConfig(),
  log: captureLogs('silent').log,
  console: { input: new PassThrough(), output: new PassThrough(), interactive: false },
});
await bot.start();
const pager = bot.services.pagerduty!.pager;
await pager.trigger(pageRequest(42));
await pager.acknowledge('bers-incident-42', 'U1');
await pager.resolve('bers-incident-42');
process.stdout.write('paged\n');
setInterval(() => {}, 60_000);
