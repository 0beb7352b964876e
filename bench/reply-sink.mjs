// A fake Slack for the load benches, as light as a Slack can be so that it takes as little as
// possible of the two cores from the apps under test: it answers the Web API with `ok` (and
// auth.test with an identity), and for every POST to /response/<id> it keeps when it arrived (ms
// on the machine's monotonic clock, process.hrtime, which the load driver reads too) and its size. It
// validates nothing: the size and Slack's limits are test/helpers/fake-slack.ts's job.
// IPC: 'take' → { arrivals: [id, atMs, bytes][] } (and forgets them); 'stop' → exits.
import { createServer } from 'node:http';

let arrivals = [];
const identity = JSON.stringify({
  ok: true,
  url: 'https://fake-team.slack.com/',
  team: 'Fake',
  team_id: 'T0FAKE',
  user: 'bers',
  user_id: 'UBOT',
  bot_id: 'BBOT',
});
const server = createServer((req, res) => {
  let bytes = 0;
  req.on('data', (chunk) => {
    bytes += chunk.length;
  });
  req.on('end', () => {
    const url = req.url ?? '/';
    if (url.startsWith('/response/'))
      arrivals.push([url.slice(10), Number(process.hrtime.bigint()) / 1e6, bytes]);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(url.startsWith('/api/auth.test') ? identity : '{"ok":true,"users":[]}');
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.send({
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseBase: `http://127.0.0.1:${port}/response/`,
  });
});
process.on('message', (message) => {
  if (message === 'take') {
    process.send({ arrivals });
    arrivals = [];
  } else process.exit(0);
});
