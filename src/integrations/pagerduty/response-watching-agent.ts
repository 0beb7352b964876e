import type { ClientRequest, IncomingMessage } from 'node:http';
import { Agent, type AgentOptions } from 'node:https';

/** `addRequest` is how every http.Agent receives its requests; @types/node does not declare it. */
interface AgentInternals {
  addRequest(req: ClientRequest, options: unknown): void;
}

/**
 * An HTTPS agent that shows each response's status and headers to `watch` before the HTTP client
 * (pdjs → node-fetch) sees it. pdjs hides 429s behind its own fixed 20 s retry and loses the status
 * of non-JSON error pages; watching here lets the caller abort at once and keep the facts.
 */
export class ResponseWatchingAgent extends Agent {
  constructor(options: AgentOptions, watch: (response: IncomingMessage) => void) {
    super(options);
    const self = this as unknown as AgentInternals;
    const addRequest = self.addRequest.bind(this);
    self.addRequest = (req, requestOptions) => {
      req.prependListener('response', watch);
      addRequest(req, requestOptions);
    };
  }
}
