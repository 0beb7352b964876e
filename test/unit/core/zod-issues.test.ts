import { describe, expect, it } from 'vitest';
import { problemsOf } from '../../helpers/config.js';

describe('config problems name what was given and what was meant', () => {
  it('a mistyped check kind suggests the closest kind', () => {
    expect(
      problemsOf(`
services:
  - name: web
    checks:
      - { kind: htp, url: "http://web/healthz" }
`),
    ).toEqual([
      'services[0].checks[0].kind: `htp` is not one of `http`, `json-status`, `bers`, `tcp`, `postgres`, `redis`, `prometheus`, `system`, `postgres-activity`, `redis-info`, `tls`; did you mean `http`?',
    ]);
  });

  it('an option far from every choice lists them without a guess; a non-string keeps zod’s words', () => {
    expect(
      problemsOf(`
services:
  - name: web
    checks:
      - { kind: http, url: "http://web/healthz", method: FETCH }
      - { kind: 7 }
`),
    ).toEqual([
      'services[0].checks[0].method: `FETCH` is not one of `GET`, `HEAD`, `POST`, `PUT`',
      "services[0].checks[1].kind: Invalid discriminator value. Expected 'http' | 'json-status' | 'bers' | 'tcp' | 'postgres' | 'redis' | 'prometheus' | 'system' | 'postgres-activity' | 'redis-info' | 'tls'",
    ]);
  });
});
