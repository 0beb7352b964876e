import type { CheckConfig } from '../../config/schema.js';
import type { Checker, CheckOutcome } from '../model.js';
import type { HealthProbes } from '../probes.js';

type TlsCheckConfig = Extract<CheckConfig, { kind: 'tls' }>;

const DAY_MS = 86_400_000;

/** Days until the certificate expires: degraded under `warningDays`, unhealthy under `criticalDays` or expired. */
export function tlsChecker(
  config: TlsCheckConfig,
  peerCertificate: HealthProbes['peerCertificate'],
  now: () => Date = () => new Date(),
): Checker {
  return {
    kind: 'tls',
    async check(signal): Promise<CheckOutcome> {
      const cert = await peerCertificate(config, signal);
      const days = Math.floor((cert.validTo.getTime() - now().getTime()) / DAY_MS);
      const expires = cert.validTo.toISOString().slice(0, 10);
      const details = {
        daysLeft: days,
        validTo: cert.validTo.toISOString(),
        subject: cert.subject,
        issuer: cert.issuer,
        authorized: cert.authorized,
      };
      if (config.verify && !cert.authorized) {
        return {
          status: 'unhealthy',
          reason: `certificate not trusted: ${cert.authorizationError ?? 'unknown reason'} (expires ${expires})`,
          details,
        };
      }
      if (days < 0)
        return {
          status: 'unhealthy',
          reason: `certificate expired ${-days} day(s) ago (${expires})`,
          details,
        };
      const left = `certificate expires in ${days} day(s) (${expires})`;
      if (days < config.criticalDays)
        return { status: 'unhealthy', reason: `${left} < ${config.criticalDays}`, details };
      if (days < config.warningDays)
        return { status: 'degraded', reason: `${left} < ${config.warningDays}`, details };
      return { status: 'healthy', reason: left, details };
    },
  };
}
