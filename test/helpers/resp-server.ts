import { type AddressInfo, createServer, type Socket } from 'node:net';

/**
 * Decides the raw RESP reply to one command (`['PING']`), or undefined to stay silent; `session`
 * is per connection (e.g. whether AUTH succeeded).
 */
export type RespHandler = (command: string[], session: Record<string, unknown>) => string | undefined;

export const pong: RespHandler = (command) =>
  command[0]?.toUpperCase() === 'PING' ? '+PONG\r\n' : `-ERR unknown command '${command[0]}'\r\n`;

/** Parses complete RESP arrays of bulk strings from `buffer`; returns the commands and the rest. */
function parseCommands(buffer: string): { commands: string[][]; rest: string } {
  const commands: string[][] = [];
  let at = 0;
  for (;;) {
    const header = /^\*(\d+)\r\n/.exec(buffer.slice(at));
    if (!header) break;
    let cursor = at + header[0].length;
    const args: string[] = [];
    for (let i = 0; i < Number(header[1]); i++) {
      const bulk = /^\$(\d+)\r\n/.exec(buffer.slice(cursor));
      if (!bulk) return { commands, rest: buffer.slice(at) };
      const start = cursor + bulk[0].length;
      const end = start + Number(bulk[1]);
      if (buffer.length < end + 2) return { commands, rest: buffer.slice(at) };
      args.push(buffer.slice(start, end));
      cursor = end + 2;
    }
    commands.push(args);
    at = cursor;
  }
  return { commands, rest: buffer.slice(at) };
}

/**
 * A tiny Redis speaking RESP2 on 127.0.0.1:0: enough for PING and for what a client sends on
 * connect. It records commands and counts open connections, so a test can see a client hang up.
 */
export async function startRespServer(handler: RespHandler = pong) {
  const sockets = new Set<Socket>();
  const received: string[][] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    let pending = '';
    const session: Record<string, unknown> = {};
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      const { commands, rest } = parseCommands(pending + data);
      pending = rest;
      for (const command of commands) {
        received.push(command);
        const reply = handler(command, session);
        if (reply !== undefined) socket.write(reply);
      }
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    received,
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
