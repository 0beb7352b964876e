/**
 * The names people use for a service: its configured name and its aliases (the runbooks' own
 * words, e.g. `api`, `db-primary`, compose names such as `backend`). Case does not matter.
 */
export class ServiceNames {
  private readonly canonicalOf = new Map<string, string>();

  constructor(services: readonly { name: string; aliases?: readonly string[] }[]) {
    for (const service of services) {
      this.canonicalOf.set(service.name, service.name);
      for (const alias of service.aliases ?? []) this.canonicalOf.set(alias.toLowerCase(), service.name);
    }
  }

  /** The configured name for a name or alias, or undefined when nothing is called that. */
  canonical(name: string): string | undefined {
    return this.canonicalOf.get(name.toLowerCase());
  }

  /** The configured name when there is one, else the name as typed (lower-case), for "unknown" replies. */
  resolve(name: string): string {
    return this.canonical(name) ?? name.toLowerCase();
  }
}
