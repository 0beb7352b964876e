import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  type AddressInfo,
  createServer as createTcpServer,
  type Socket,
  type Server as TcpServer,
} from 'node:net';
import { pollUntil } from './poll.js';

export type TargetHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export interface TargetServer {
  url: string;
  port: number;
  /** Requests received so far (method and path). */
  readonly requests: { method: string; path: string; body: string }[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1:0 standing in for a monitored system's endpoint. */
export async function startTarget(handler: TargetHandler): Promise<TargetServer> {
  const requests: { method: string; path: string; body: string }[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    requests.push({ method: req.method ?? '', path: req.url ?? '', body });
    await handler(req, res, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof value === 'string' ? value : JSON.stringify(value));
}

/** A handler that never answers: the request hangs until the client gives up. */
export const hang: TargetHandler = () => {};

/** A TCP server that accepts and then says nothing; `open` counts connections not yet closed. */
export async function startSilentTcp(): Promise<{
  port: number;
  open: () => number;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    // Read (and drop) what arrives: a paused socket would never notice the client hanging up.
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    open: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port that refuses connections: bound and closed again, so nothing listens there. */
export async function refusedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A file from test/fixtures/, as text. */
export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

/** Polls until `predicate` holds, for effects that happen just after a call returns (a socket closing). */
export async function eventually(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  await pollUntil(predicate, { what: 'the condition', timeoutMs, intervalMs: 20 });
}
