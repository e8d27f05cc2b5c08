/**
 * Identity verification for the chat widget (F-5.2): a host site that knows who its visitor is
 * signs the email with a secret it shares with this server, and passes the signature as
 * `identityHash` to `<chat-widget>.identify()`. The hash is the hex HMAC-SHA256 of the email
 * (trimmed, lower-cased), the scheme Intercom and Crisp use, so a host computes it in one line:
 *
 * ```js
 * crypto.createHmac('sha256', secret).update(email.trim().toLowerCase()).digest('hex')
 * ```
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function identityHash(secret: string, email: string): string {
  return createHmac('sha256', secret).update(email.trim().toLowerCase()).digest('hex');
}

/** The backend's `verifyIdentity`, or `undefined` when no secret is configured. */
export function identityVerifier(
  secret: string | undefined,
): ((identity: { email: string; identityHash: string }) => boolean) | undefined {
  if (!secret) return undefined;
  return ({ email, identityHash: given }) => {
    const expected = Buffer.from(identityHash(secret, email), 'hex');
    const actual = Buffer.from(given.trim().toLowerCase(), 'hex');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
}
