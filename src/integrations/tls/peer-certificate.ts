import { readFile } from 'node:fs/promises';
import { connect } from 'node:tls';
import type { PeerCertificate } from '../../health/probes.js';

/**
 * The certificate a TLS server presents, and whether it is trusted for `servername`. The handshake
 * always completes (an untrusted certificate still has an expiry worth reporting); trust is read
 * from the socket, like `openssl s_client` does.
 */
export async function peerCertificate(
  options: { host: string; port: number; servername?: string; caFile?: string },
  signal: AbortSignal,
): Promise<PeerCertificate> {
  const ca = options.caFile ? await readFile(options.caFile, 'utf8') : undefined;
  const servername = options.servername ?? options.host;
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: options.host,
      port: options.port,
      // SNI takes names only, never an address.
      servername: /^[\d.:]+$/.test(servername) ? undefined : servername,
      ...(ca && { ca }),
      rejectUnauthorized: false,
    });
    const onAbort = () =>
      socket.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('close', () => signal.removeEventListener('abort', onAbort));
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.destroy();
      if (!cert?.valid_to) return reject(new Error('the server presented no certificate'));
      resolve({
        validFrom: new Date(cert.valid_from),
        validTo: new Date(cert.valid_to),
        subject: String(cert.subject?.CN ?? ''),
        issuer: String(cert.issuer?.CN ?? cert.issuer?.O ?? ''),
        authorized: socket.authorized,
        authorizationError: socket.authorizationError ? String(socket.authorizationError) : undefined,
      });
    });
    socket.once('error', reject);
  });
}
