import { type CheckOutcome, type HealthStatus, worstOf } from '../model.js';

export type Component = NonNullable<CheckOutcome['components']>[number];

/** Reported components beyond this are summarised, so a huge body cannot build a huge reply. */
export const MAX_COMPONENTS = 30;

/**
 * The outcome of a target that reports its own status and components. When the target's own
 * verdict is missing or unrecognised, the worst component decides; when it is milder than a
 * component it reported, the component wins (a "healthy" service with an unhealthy part is not).
 */
export function summariseComponents(
  own: HealthStatus | undefined,
  ownWord: unknown,
  components: Component[],
  details?: Record<string, unknown>,
): CheckOutcome {
  const shown = components.slice(0, MAX_COMPONENTS);
  if (own === undefined && components.length === 0) {
    const reason =
      ownWord === undefined
        ? 'the response has no status and no checks'
        : `unrecognised status ${JSON.stringify(ownWord).slice(0, 40)}`;
    return { status: 'unknown', reason, details };
  }
  const status = worstOf([own ?? 'healthy', ...components.map((c) => c.status)]);
  const failing = components.filter((c) => c.status !== 'healthy');
  const hidden = components.length - shown.length;
  const reason =
    failing.length > 0
      ? failing
          .slice(0, 5)
          .map((c) => `${c.name} ${c.status}${c.reason ? `: ${c.reason}` : ''}`)
          .join('; ') + (failing.length > 5 ? `; +${failing.length - 5} more` : '')
      : `${own ?? status}${components.length > 0 ? `, ${components.length} checks healthy` : ''}`;
  return {
    status,
    reason,
    details,
    components:
      hidden > 0
        ? [
            ...shown,
            {
              name: `+${hidden} more`,
              status: worstOf(components.slice(MAX_COMPONENTS).map((c) => c.status)),
            },
          ]
        : shown,
  };
}
