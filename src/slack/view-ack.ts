/**
 * What a modal submission is acked with: nothing (close it) or errors by block id. Slack's own
 * shape, declared here so the thread protocol (ingress/protocol.ts) imports it, not the reverse.
 */
export type ViewAck = { response_action: 'errors'; errors: Record<string, string> } | undefined;
