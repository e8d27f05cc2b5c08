/**
 * Storage keys shared by the loader and the lazily loaded chat session. The loader reads the
 * history flag to decide whether to start the session (and open the socket) before the first open;
 * the session sets it once the visitor has a conversation.
 */

/** A server base URL as used in keys: no trailing slashes (`https://chat.example/` → `https://chat.example`). */
export function normalizeServer(server: string): string {
  return server.replace(/\/+$/, '');
}

/**
 * The `localStorage` key flagging that this device has a conversation with `campaign` on `server`
 * (any non-empty value means "there is history"): `atento-chat:<server>:<campaign>:history`.
 */
export function historyKey(server: string, campaign: string): string {
  return `atento-chat:${normalizeServer(server)}:${campaign}:history`;
}

/**
 * The namespace the chat session keys its own storage with (`ChatSessionOptions.key`): one per
 * server and campaign.
 */
export function sessionKey(server: string, campaign: string): string {
  return `${normalizeServer(server)}|${campaign}`;
}
