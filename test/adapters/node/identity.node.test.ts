/**
 * Identity verification (F-5.2): with `ATENTO_IDENTITY_SECRET`, the `identityHash` a host page
 * passes to `identify` must be the HMAC of the email; without the secret it proves nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { API_PREFIX } from '../../../src/adapters/contract/index.js';
import { identityHash } from '../../../src/adapters/node/auth/identity.js';
import { assertError, bearer, testServer, type TestServer } from './helpers.js';

const SECRET = 'host-site-secret-0123456789abcdef';

function identify(server: TestServer, token: string, body: Record<string, unknown>) {
  return server.request({
    method: 'POST',
    url: `${API_PREFIX}/visitor/identity`,
    headers: bearer(token),
    payload: body,
  });
}

describe('server: visitor identity verification', () => {
  let server: TestServer;
  before(async () => {
    server = await testServer({ identitySecret: SECRET });
  });
  after(() => server.stop());

  it('a right hash marks the visitor verified, whatever the case of the address', async () => {
    const { token } = await server.device();
    const email = 'Rosa.Vega@example.pe';
    const res = await identify(server, token, {
      email,
      name: 'Rosa Vega',
      identityHash: identityHash(SECRET, 'rosa.vega@example.pe'),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<{ identityVerified?: boolean }>().identityVerified, true);
  });

  it('a wrong hash is refused on the identityHash field and changes nothing', async () => {
    const { token } = await server.device();
    const before = await server.snapshot();
    const res = await identify(server, token, {
      email: 'jorge.taype@example.pe',
      identityHash: identityHash(SECRET, 'someone.else@example.pe'),
    });
    assertError(res, 400, 'invalid', { field: 'identityHash' });
    assertError(
      await identify(server, token, { email: 'jorge.taype@example.pe', identityHash: 'zz' }),
      400,
      'invalid',
      { field: 'identityHash' },
    );
    assert.equal(await server.snapshot(), before);
  });

  it('no hash is a self-declared identity (the capture form): accepted, not verified', async () => {
    const { token } = await server.device();
    const res = await identify(server, token, { email: 'luis.paz@example.pe' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<{ identityVerified?: boolean }>().identityVerified, undefined);
  });
});

describe('server: identity hashes without a configured secret', () => {
  let server: TestServer;
  before(async () => {
    server = await testServer();
  });
  after(() => server.stop());

  it('are ignored: the visitor is identified, not verified', async () => {
    const { token } = await server.device();
    const res = await identify(server, token, {
      email: 'luis.paz@example.pe',
      identityHash: identityHash(SECRET, 'luis.paz@example.pe'),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<{ identityVerified?: boolean }>().identityVerified, undefined);
  });
});
