import { describe, expect, it } from 'vitest';
import { ServiceNames } from '../../../src/config/service-names.js';
import { problemsOf } from '../../helpers/config.js';

describe('service aliases', () => {
  it('refuses an alias that already names a service or another alias, or is not a name', () => {
    expect(
      problemsOf(`
services:
  - name: ai-chat-backend
    aliases: [backend, api]
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
  - name: ai-chat-database
    aliases: [database, backend, ai-chat-backend, Bad_Name]
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
`),
    ).toEqual([
      'services[1].aliases[3]: must be lower-case letters, digits and dashes (e.g. upload-bridge)',
      'services[1].aliases[1]: "backend" already names an alias of ai-chat-backend',
      'services[1].aliases[2]: "ai-chat-backend" already names the service ai-chat-backend',
    ]);
  });

  it('resolves names and aliases case-insensitively to the configured name', () => {
    const names = new ServiceNames([
      { name: 'unjucks-db', aliases: ['db-primary', 'database'] },
      { name: 'unjucks-api', aliases: ['api'] },
    ]);
    expect(names.canonical('DB-Primary')).toBe('unjucks-db');
    expect(names.canonical('unjucks-api')).toBe('unjucks-api');
    expect(names.canonical('nope')).toBeUndefined();
    expect(names.resolve('API')).toBe('unjucks-api');
    expect(names.resolve('Nope')).toBe('nope');
  });
});
