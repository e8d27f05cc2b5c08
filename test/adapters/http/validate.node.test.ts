/**
 * The contract's schema validator (src/adapters/contract/validate.ts): the subset the route
 * schemas use, Fastify-like coercion of params and query, and the `invalid` errors it produces.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError } from '../../../src/adapters/adapter.js';
import { agentRoutes, sessionRoutes, visitorRoutes } from '../../../src/adapters/contract/index.js';
import {
  assertSupportedSchema,
  validate,
  validateRequest,
} from '../../../src/adapters/contract/validate.js';
import * as schemas from '../../../src/adapters/contract/schemas.js';

describe('contract validator', () => {
  it('supports every keyword of every route schema', () => {
    const routes = { ...agentRoutes, ...visitorRoutes, ...sessionRoutes };
    let checked = 0;
    for (const [name, route] of Object.entries(routes)) {
      for (const [part, schema] of Object.entries(('schema' in route && route.schema) || {})) {
        assertSupportedSchema(schema as schemas.JsonSchema, `${name}.${part}`);
        checked++;
      }
    }
    assert.ok(checked >= 25, `${checked} schemas checked`);
  });

  it('refuses a schema keyword it does not enforce', () => {
    assert.throws(
      () => assertSupportedSchema({ type: 'object', properties: { a: { pattern: '^x' } } }),
      /Unsupported JSON Schema keyword pattern in schema\/a/,
    );
    assert.throws(() => validate({ type: 'string', format: 'email' }, 'x'), /format/);
  });

  it('accepts valid input and returns it unchanged', () => {
    const body = {
      conversationId: 'conv-1',
      mode: 'reply',
      channel: 'email',
      to: [{ address: 'a@b.com', name: 'A' }],
      cc: [],
      bcc: [],
      subject: 'Hola',
      html: '<p>x</p>',
      text: 'x',
      attachmentIds: ['att-1'],
    };
    const result = validate(schemas.outgoingMessage, body);
    assert.equal(result.issue, null);
    assert.deepEqual(result.value, body);
  });

  it('reports the first issue with its path and Ajv wording', () => {
    const cases: Array<[schemas.JsonSchema, unknown, (string | number)[], string]> = [
      [schemas.statusBody, {}, [], "must have required property 'status'"],
      [
        schemas.statusBody,
        { status: 'x' },
        ['status'],
        'must be equal to one of the allowed values',
      ],
      [schemas.typingBody, { typing: 1 }, ['typing'], 'must be boolean'],
      [schemas.linkBody, { address: 'a', more: 1 }, [], "must NOT have additional property 'more'"],
      [schemas.contactInput, { name: 'a', emails: 'a@b.com' }, ['emails'], 'must be array'],
      [
        schemas.visitorMessage,
        { clientId: '', text: 'x' },
        ['clientId'],
        'must NOT have fewer than 1 characters',
      ],
      [schemas.messageQuery, { limit: 0 }, ['limit'], 'must be >= 1'],
      [schemas.messageQuery, { limit: 1.5 }, ['limit'], 'must be integer'],
      [schemas.emptyBody, { a: 1 }, [], 'must NOT have more than 0 properties'],
      [
        schemas.outgoingMessage,
        {
          conversationId: 'c',
          mode: 'reply',
          channel: 'email',
          to: new Array(501).fill({ address: 'a' }),
          cc: [],
          bcc: [],
          subject: '',
          html: '',
          text: '',
        },
        ['to'],
        'must NOT have more than 500 items',
      ],
    ];
    for (const [schema, value, path, message] of cases) {
      const { issue } = validate(schema, value);
      assert.deepEqual(issue && { path: issue.path, message: issue.message }, { path, message });
    }
  });

  it('counts string lengths in code points, as Ajv does', () => {
    const schema = { type: 'string', maxLength: 3 };
    assert.equal(validate(schema, '😀😀😀').issue, null, '3 code points, 6 UTF-16 units');
    assert.ok(validate(schema, '😀😀😀😀').issue);
    assert.ok(validate({ type: 'string', minLength: 2 }, '😀').issue, '1 code point');
  });

  it('coerces numbers and booleans only when asked, without mutating the input', () => {
    const query = { limit: '20', unread: 'true', mine: 'false' };
    const strict = validate(schemas.conversationQuery, query);
    assert.deepEqual(strict.issue?.path, ['limit'], 'strings stay strings');
    const coerced = validate(schemas.conversationQuery, query, { coerce: true });
    assert.equal(coerced.issue, null);
    assert.deepEqual(coerced.value, { limit: 20, unread: true, mine: false });
    assert.deepEqual(query, { limit: '20', unread: 'true', mine: 'false' });
    for (const bad of ['', ' ', '2x', 'NaN', '1e400']) {
      const { issue } = validate(schemas.messageQuery, { limit: bad }, { coerce: true });
      assert.ok(issue, `limit=${JSON.stringify(bad)} is refused`);
    }
    assert.ok(validate(schemas.conversationQuery, { unread: '1' }, { coerce: true }).issue);
  });

  it('validateRequest: params, body, query in order, field = top-level property', () => {
    const route = agentRoutes.setStatus;
    const ok = validateRequest(route.schema, {
      params: { id: 'conv-1' },
      query: {},
      body: { status: 'open' },
    });
    assert.deepEqual(ok.body, { status: 'open' });
    const error = (() => {
      try {
        validateRequest(route.schema, { params: { id: '' }, query: {}, body: {} });
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof AdapterError);
    assert.equal(error.code, 'invalid');
    assert.equal(error.field, 'id', 'params first');
    assert.equal(error.message, 'params/id must NOT have fewer than 1 characters');
    assert.throws(
      () =>
        validateRequest(agentRoutes.createContact.schema, {
          params: {},
          query: {},
          body: { name: 'A', emails: ['a', 7] },
        }),
      (e: unknown) =>
        e instanceof AdapterError &&
        e.field === 'emails' &&
        e.message === 'body/emails/1 must be string',
    );
    const limited = validateRequest(agentRoutes.listConversations.schema, {
      params: {},
      query: { limit: '5' },
      body: undefined,
    });
    assert.equal(limited.query['limit'] as unknown, 5, 'query coerced');
  });
});
