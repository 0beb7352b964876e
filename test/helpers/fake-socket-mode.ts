import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeSlack } from './fake-slack.js';

/**
 * Slack's side of Socket Mode: `apps.connections.open` on the fake Web API hands out a
 * ws://127.0.0.1 URL; a connecting client gets `hello`, then envelopes, and must ack each one
 * with `{ envelope_id, payload }`.
 */
export class FakeSocketMode {
  /** Every message the app sent back (acks), parsed. */
  readonly received: { envelope_id: string; payload?: Record<string, unknown> }[] = [];
  private socket: WebSocket | undefined;

  private constructor(private readonly server: WebSocketServer) {}

  static async start(slack: FakeSlack): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const fake = new FakeSocketMode(server);
    const { port } = server.address() as AddressInfo;
    slack.on('apps.connections.open', () => ({
      ok: true,
      url: `ws://127.0.0.1:${port}/link/?ticket=${randomBytes(8).toString('hex')}&app_id=A0BERS`,
    }));
    server.on('connection', (socket) => {
      fake.socket = socket;
      socket.on('message', (data) => {
        fake.received.push(JSON.parse(String(data)) as FakeSocketMode['received'][number]);
        slack.poke();
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'applink-fake', approximate_connection_time: 18060 },
          connection_info: { app_id: 'A0BERS' },
        }),
      );
    });
    return fake;
  }

  get connected(): boolean {
    return this.socket !== undefined;
  }

  /** Sends an envelope (`slash_commands`, `interactive`, `events_api`) and returns its id. */
  send(type: string, payload: Record<string, unknown>): string {
    if (!this.socket) throw new Error('fake Socket Mode: no client connected');
    const envelopeId = randomBytes(8).toString('hex');
    this.socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        payload,
        type,
        accepts_response_payload: type !== 'events_api',
      }),
    );
    return envelopeId;
  }

  /** Sends a frame exactly as given (malformed envelopes, non-JSON text, binary). */
  sendRaw(data: string | Buffer): void {
    if (!this.socket) throw new Error('fake Socket Mode: no client connected');
    this.socket.send(data, { binary: typeof data !== 'string' });
  }

  ackOf(envelopeId: string): FakeSocketMode['received'][number] | undefined {
    return this.received.find((m) => m.envelope_id === envelopeId);
  }

  close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
