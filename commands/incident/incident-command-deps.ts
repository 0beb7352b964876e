import type { Services } from '../../src/core/services.js';

/**
 * What `/bers incident …`, its buttons and its modals use: the incident service's lifecycle and
 * queries, the chat (modals, and the channel links the replies carry), the clock, and the
 * configuration the declare form lists (severities, services).
 */
export interface IncidentCommandDeps {
  incidents: Pick<
    Services['incidents'],
    | 'declare'
    | 'get'
    | 'byChannel'
    | 'listOpen'
    | 'timeline'
    | 'update'
    | 'changeSeverity'
    | 'assign'
    | 'note'
    | 'acknowledge'
    | 'pageNow'
    | 'resolve'
    | 'reassignPage'
    | 'escalatePage'
    | 'recordPostMortem'
  >;
  chat: Services['chat'];
  clock: Services['clock'];
  config: Pick<Services['config'], 'incidents' | 'services'>;
}
