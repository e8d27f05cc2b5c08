/**
 * A small JSON Schema validator for exactly the subset `schemas.ts` uses (`type`, `required`,
 * `properties`, `additionalProperties: false`, `enum`, `minLength`/`maxLength`,
 * `minimum`/`maximum`, `maxItems`, `items`, `maxProperties`). The msw handlers validate with it,
 * and the reference server maps its failures to the same `invalid` errors, so a client sees the
 * same status, code, field and message from both.
 *
 * An unknown keyword throws instead of being ignored: a schema that grew a keyword this file does
 * not enforce would otherwise let the mock accept what the server refuses.
 */
import { AdapterError } from '../adapter.js';
import type { JsonSchema } from './schemas.js';
import type { WireRequest } from './wire.js';

/** Where a value broke its schema: property names and array indexes from the root. */
export interface SchemaIssue {
  path: (string | number)[];
  /** Ajv's wording (`must be <= 200`), so messages match Fastify's. */
  message: string;
  /** The missing or unexpected property, for `required` and `additionalProperties` issues. */
  property?: string;
}

export interface ValidateOptions {
  /**
   * Converts strings to the number or boolean the schema asks for, as Fastify does for path
   * parameters and query strings (which are always strings on the wire).
   */
  coerce?: boolean;
}

const KEYWORDS = new Set([
  'type',
  'required',
  'properties',
  'additionalProperties',
  'enum',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'maxItems',
  'items',
  'maxProperties',
]);

/**
 * Checks `value` against `schema`; returns the (coerced) value and the first issue, or `null`.
 * Never mutates `value`: coercion builds new objects.
 */
export function validate(
  schema: JsonSchema,
  value: unknown,
  options: ValidateOptions = {},
): { value: unknown; issue: SchemaIssue | null } {
  return check(schema, value, [], options.coerce ?? false);
}

/** Throws when a schema (or a nested one) uses a keyword `validate` does not enforce. */
export function assertSupportedSchema(schema: JsonSchema, where = 'schema'): void {
  for (const key of Object.keys(schema)) {
    if (!KEYWORDS.has(key)) throw new Error(`Unsupported JSON Schema keyword ${key} in ${where}.`);
  }
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  for (const [name, sub] of Object.entries(properties))
    assertSupportedSchema(sub, `${where}/${name}`);
  if (schema['items']) assertSupportedSchema(schema['items'] as JsonSchema, `${where}/items`);
}

/** The route schemas of a request, by part (as in `RouteSpec.schema`). */
export interface RequestSchemas {
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
}

const PART_NAMES = { params: 'params', body: 'body', query: 'querystring' } as const;

/**
 * Validates a request's parts in Fastify's order (params, body, query), coercing params and query.
 * Returns the request with coerced values; throws `AdapterError('invalid')` naming the top-level
 * property at fault in `field`, with a message such as `querystring/limit must be <= 200`.
 */
export function validateRequest(schemas: RequestSchemas, request: WireRequest): WireRequest {
  const result: WireRequest = { ...request };
  for (const part of ['params', 'body', 'query'] as const) {
    const schema = schemas[part];
    if (!schema) continue;
    const { value, issue } = validate(schema, request[part], { coerce: part !== 'body' });
    if (issue) throw invalidRequest(PART_NAMES[part], issue);
    (result as unknown as Record<string, unknown>)[part] = value;
  }
  return result;
}

/** The `invalid` error for a schema issue in one part of a request. */
export function invalidRequest(part: string, issue: SchemaIssue): AdapterError {
  const where = [part, ...issue.path].join('/');
  const field = issue.path[0] ?? issue.property;
  return new AdapterError(
    'invalid',
    `${where} ${issue.message}`,
    typeof field === 'string' ? { field } : {},
  );
}

type Result = { value: unknown; issue: SchemaIssue | null };

function fail(path: (string | number)[], message: string, property?: string): Result {
  return { value: undefined, issue: property ? { path, message, property } : { path, message } };
}

function check(
  schema: JsonSchema,
  input: unknown,
  path: (string | number)[],
  coerce: boolean,
): Result {
  for (const key of Object.keys(schema)) {
    if (!KEYWORDS.has(key)) throw new Error(`Unsupported JSON Schema keyword ${key}.`);
  }
  const type = schema['type'] as string | undefined;
  const value = coerce && type ? coerceTo(type, input) : input;
  if (type && !hasType(type, value)) return fail(path, `must be ${type}`);

  const allowed = schema['enum'] as unknown[] | undefined;
  if (allowed && !allowed.includes(value))
    return fail(path, 'must be equal to one of the allowed values');

  if (typeof value === 'string') return checkString(schema, value, path);
  if (typeof value === 'number') return checkNumber(schema, value, path);
  if (Array.isArray(value)) return checkArray(schema, value, path, coerce);
  if (value !== null && typeof value === 'object')
    return checkObject(schema, value as Record<string, unknown>, path, coerce);
  return { value, issue: null };
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new Error(`Unsupported JSON Schema type ${type}.`);
  }
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Ajv's `coerceTypes` for what arrives as text: numbers and booleans. */
function coerceTo(type: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if ((type === 'number' || type === 'integer') && NUMERIC.test(value.trim())) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** Lengths count code points, as Ajv does; the cheap UTF-16 length decides most cases. */
function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

function checkString(schema: JsonSchema, value: string, path: (string | number)[]): Result {
  const max = schema['maxLength'] as number | undefined;
  if (max !== undefined && value.length > max && codePoints(value) > max)
    return fail(path, `must NOT have more than ${max} characters`);
  const min = schema['minLength'] as number | undefined;
  if (min !== undefined && (value.length < min || codePoints(value) < min))
    return fail(path, `must NOT have fewer than ${min} characters`);
  return { value, issue: null };
}

function checkNumber(schema: JsonSchema, value: number, path: (string | number)[]): Result {
  const max = schema['maximum'] as number | undefined;
  if (max !== undefined && value > max) return fail(path, `must be <= ${max}`);
  const min = schema['minimum'] as number | undefined;
  if (min !== undefined && value < min) return fail(path, `must be >= ${min}`);
  return { value, issue: null };
}

function checkArray(
  schema: JsonSchema,
  value: unknown[],
  path: (string | number)[],
  coerce: boolean,
): Result {
  const max = schema['maxItems'] as number | undefined;
  if (max !== undefined && value.length > max)
    return fail(path, `must NOT have more than ${max} items`);
  const items = schema['items'] as JsonSchema | undefined;
  if (!items) return { value, issue: null };
  const out: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    const r = check(items, value[i], [...path, i], coerce);
    if (r.issue) return r;
    out.push(r.value);
  }
  return { value: out, issue: null };
}

function checkObject(
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: (string | number)[],
  coerce: boolean,
): Result {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  const maxProps = schema['maxProperties'] as number | undefined;
  if (maxProps !== undefined && keys.length > maxProps)
    return fail(path, `must NOT have more than ${maxProps} properties`);
  for (const name of (schema['required'] ?? []) as string[]) {
    if (value[name] === undefined) return fail(path, `must have required property '${name}'`, name);
  }
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const sub = properties[key];
    if (!sub) {
      if (schema['additionalProperties'] === false)
        return fail(path, `must NOT have additional property '${key}'`, key);
      out[key] = value[key];
      continue;
    }
    const r = check(sub, value[key], [...path, key], coerce);
    if (r.issue) return r;
    out[key] = r.value;
  }
  return { value: out, issue: null };
}
