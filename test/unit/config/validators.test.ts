import { describe, expect, it } from 'vitest';
import { channelFor } from '../../../src/alerts/alert-notifier.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { MINIMAL_CONFIG, problemsOf } from '../../helpers/config.js';

describe('config values compiled at validation', () => {
  it('an invalid regex in an alert route is refused with its path (not a 500 on every webhook)', () => {
    const problems = problemsOf(`${MINIMAL_CONFIG}
alerts:
  routes:
    - { match: { team: payments }, channel: "#payments" }
    - { match: { team: "/(pay|ops/", severity: "/crit.*/" }, channel: "#x" }
`);
    expect(problems).toEqual([
      'alerts.routes[1].match.team: not a valid regular expression (Unterminated group)',
    ]);
  });

  it('valid route regexes still route as before', () => {
    const config = parseConfig(
      `${MINIMAL_CONFIG}\nalerts:\n  routes: [{ match: { team: "/pay.*/" }, channel: "#payments" }]\n`,
      'x.yaml',
      {},
    );
    expect(channelFor({ team: 'payments' }, config.alerts.routes, '#alerts')).toBe('#payments');
  });

  it("an invalid regex or flag in an HTTP check's bodyMatch is refused with its path", () => {
    const problems = problemsOf(`
services:
  - name: web
    checks:
      - { kind: http, name: a, url: "http://127.0.0.1:1/", bodyMatch: "/[a-/" }
      - { kind: http, name: b, url: "http://127.0.0.1:1/", bodyMatch: "/ok/q" }
      - { kind: http, name: c, url: "http://127.0.0.1:1/", bodyMatch: "/ok/i" }
      - { kind: http, name: d, url: "http://127.0.0.1:1/", bodyMatch: "plain [text" }
`);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^services\[0\]\.checks\[0\]\.bodyMatch: not a valid regular expression \(/);
    expect(problems[1]).toMatch(/^services\[0\]\.checks\[1\]\.bodyMatch: not a valid regular expression \(/);
  });

  it('names the path of a bad business-hours time zone', () => {
    expect(
      problemsOf(`${MINIMAL_CONFIG}\nincidents:\n  businessHours: { timezone: Mars/Olympus }\n`),
    ).toEqual([
      'incidents.businessHours.timezone: unknown time zone "Mars/Olympus" (use an IANA name, e.g. Europe/Berlin)',
    ]);
  });
});
