/**
 * A delivery that can never succeed as it stands (a file that is gone, a mailbox without an
 * address): the backend marks the message `failed` at once instead of retrying (`retry: false`,
 * see `DeliverHook`). SMTP refusals are not of this kind: they are retried with backoff.
 */
export class PermanentDeliveryError extends Error {
  readonly retry = false;

  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
