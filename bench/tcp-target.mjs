// The services' TCP health checks connect here (bench/bers-http-child.ts): a process of its own,
// as a real target is, so the bot's measured CPU holds its own side of each connection and not the
// target's. Sends `{ port }` when listening; exits with its parent.
import { createServer } from 'node:net';

const server = createServer((socket) => socket.end());
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
