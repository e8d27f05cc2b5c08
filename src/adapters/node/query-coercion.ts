/**
 * Query strings carry only text, while the contract's query schemas say `integer` and `boolean`.
 * Fastify's Ajv is configured without type coercion (a JSON body with `"typing": "yes"` must fail,
 * not become `true`), so the query alone is coerced here, before validation, following its own
 * schema: `"20"` → `20` for integers, `"true"`/`"false"` → booleans. Anything else is left as it
 * came, and the schema then refuses it with the field's name.
 */
import type { preValidationAsyncHookHandler } from 'fastify';
import type { JsonSchema } from '../contract/index.js';

type Coerce = (value: string) => unknown;

const COERCERS: Record<string, Coerce> = {
  integer: (v) => (/^-?\d{1,15}$/.test(v) ? Number(v) : v),
  number: (v) => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v),
  boolean: (v) => (v === 'true' ? true : v === 'false' ? false : v),
};

/** A hook coercing the query to the schema's types, or `undefined` when nothing needs it. */
export function queryCoercion(
  schema: JsonSchema | undefined,
): preValidationAsyncHookHandler | undefined {
  const properties = (schema?.['properties'] ?? {}) as Record<string, { type?: string }>;
  const coercers = Object.entries(properties).flatMap(([name, p]) => {
    const coerce = p.type ? COERCERS[p.type] : undefined;
    return coerce ? [[name, coerce] as const] : [];
  });
  if (coercers.length === 0) return undefined;
  return async (request) => {
    const query = request.query as Record<string, unknown>;
    for (const [name, coerce] of coercers) {
      const value = query[name];
      if (typeof value === 'string') query[name] = coerce(value);
    }
  };
}
