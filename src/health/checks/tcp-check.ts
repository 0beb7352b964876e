import { connect } from 'node:net';
import type { CheckConfig } from '../../config/schema.js';
import type { Checker } from '../model.js';

type TcpCheckConfig = Extract<CheckConfig, { kind: 'tcp' }>;

/** The port accepts a connection. */
export function tcpChecker(config: TcpCheckConfig): Checker {
  return {
    kind: 'tcp',
    check: (signal) =>
      new Promise((resolve, reject) => {
        const socket = connect({ host: config.host, port: config.port, signal });
        socket.once('connect', () => {
          socket.destroy();
          resolve({ status: 'healthy', reason: `${config.host}:${config.port} accepts connections` });
        });
        socket.once('error', reject);
      }),
  };
}
