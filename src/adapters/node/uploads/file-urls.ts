/**
 * Signed file URLs: `/api/v1/files/<id>?exp=<seconds>&sig=<HMAC(id, exp)>`. The URL itself is the
 * permission (an `<img src>` or a download link carries no Authorization header), so it must be
 * unguessable and must not outlive `ttlSeconds`; changing the secret revokes every link.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { API_PREFIX, fillPath, sessionRoutes } from '../../contract/index.js';

export type SignatureCheck = 'ok' | 'forged' | 'expired';

export class FileUrls {
  constructor(
    private readonly key: Buffer,
    private readonly ttlSeconds: number,
    /** Put before the path (`https://desk.example`); `''` for URLs relative to the server. */
    private readonly publicUrl = '',
    private readonly now: () => Date = () => new Date(),
  ) {}

  private seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  private sign(id: string, exp: number): string {
    return createHmac('sha256', this.key).update(`${id}\n${exp}`).digest('base64url');
  }

  url(id: string): string {
    const exp = this.seconds() + this.ttlSeconds;
    const path = API_PREFIX + fillPath(sessionRoutes.file.path, { id });
    return `${this.publicUrl}${path}?exp=${exp}&sig=${this.sign(id, exp)}`;
  }

  check(id: string, exp: unknown, sig: unknown): SignatureCheck {
    if (typeof sig !== 'string' || typeof exp !== 'string' || !/^\d{1,12}$/.test(exp))
      return 'forged';
    const given = Buffer.from(sig, 'base64url');
    const expected = Buffer.from(this.sign(id, Number(exp)), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
    return Number(exp) <= this.seconds() ? 'expired' : 'ok';
  }
}
