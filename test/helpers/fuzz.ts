/**
 * fast-check arbitraries derived from the OpenAPI document's JSON schemas (what zod's schemas publish), plus hostile
 * values — huge and odd strings, wrong types, nulls, prototype-pollution keys, deep nesting — and a digest of the
 * stored data, to tell that a refused request changed nothing.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Database } from '../../src/server/db/client';
import type { JsonSchema } from './operations';

/** A value nested `depth` levels deep, in arrays and objects by turns. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uFEFF零宽',
  '\u202E倒序',
  '𠜎𠜱𠝹𠱓',
  '１２３４５６',
  '\uD800',
  "'; DROP TABLE units; --",
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '$'.concat('{7*7}{{7*7}}'),
  '%00%2e%2e',
  'null',
  'undefined',
  '__proto__',
  '-1',
  '1e309',
  '2021-02-30',
  '00000000-0000-0000-0000-000000000000',
];

/** Values no schema wants where they are put. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2),
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constant('字'.repeat(200_000)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constant(deeplyNested(3000)),
  fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"}}')),
  fc.constant({ constructor: { prototype: { polluted: 'yes' } } }),
);

/** Keys that try to reach an object's prototype. */
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'];

function stringArb(schema: JsonSchema, ids: string[]): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 300);
  if (schema.format === 'uuid') return fc.oneof(fc.uuid(), fc.constantFrom(...ids));
  if (schema.format === 'date')
    return fc.oneof(
      fc
        .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('2021-10-11', '2021-09-28', '2024-02-29'),
    );
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max + 64);
    } catch {
      // A pattern fast-check cannot generate from: any string, which mostly tests the refusal.
    }
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
    fc.string({ minLength: min, maxLength: max }),
  );
}

/** Values that mostly fit the schema (the server's own refinements may still refuse them). */
export function fromSchema(schema: JsonSchema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => fromSchema(s, ids, depth + 1)));
  if (schema.allOf?.[0]) return fromSchema(schema.allOf[0], ids, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArb(schema, ids);
    case 'integer': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const max = Math.min(schema.maximum ?? 100_000, Number.MAX_SAFE_INTEGER);
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 100) }), fc.integer({ min, max }));
    }
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(schema.items, ids, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, fromSchema(s, ids, depth + 1)])),
        { requiredKeys: (schema.required ?? []).filter((k) => k in properties) },
      );
      const extra = schema.additionalProperties;
      if (extra && typeof extra === 'object')
        return fc
          .tuple(record, fc.dictionary(fc.string({ maxLength: 12 }), fromSchema(extra, ids, depth + 1), { maxKeys: 3 }))
          .map(([known, more]) => ({ ...more, ...known }));
      return record;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A body: mostly valid, or valid with one field made hostile (or a polluting key added), or hostile throughout. */
export function bodyArb(schema: JsonSchema | undefined, ids: string[]): fc.Arbitrary<unknown> {
  const valid = fromSchema(schema, ids);
  const keys = [...Object.keys(schema?.properties ?? {}), ...POLLUTING_KEYS, 'unexpected'];
  const spoiled = fc
    .tuple(valid, fc.constantFrom(...keys), hostile)
    .map(([value, key, bad]) =>
      value && typeof value === 'object' && !Array.isArray(value) ? { ...value, [key]: bad } : bad,
    );
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 3, arbitrary: spoiled },
    { weight: 1, arbitrary: hostile },
  );
}

/** A query string from the operation's query parameters, each left out, fitting, or hostile; now and then a stray. */
export function queryArb(params: { name: string; schema: JsonSchema }[], ids: string[]): fc.Arbitrary<string> {
  const value = (schema: JsonSchema) =>
    fc.oneof(
      { weight: 3, arbitrary: fromSchema(schema, ids).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) },
      { weight: 1, arbitrary: hostile.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom(...ODD_STRINGS), { minLength: 2, maxLength: 3 }) },
    );
  const entries = fc.record(Object.fromEntries(params.map((p) => [p.name, value(p.schema)])), { requiredKeys: [] });
  const stray = fc.option(fc.constantFrom('__proto__[polluted]=yes', 'constructor[prototype][x]=1', 'page=1&page=2'));
  return fc.tuple(entries, stray).map(([record, extra]) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(record as Record<string, string | string[]>)) {
      for (const one of Array.isArray(v) ? v : [v]) search.append(k, one);
    }
    return [search.toString(), extra].filter(Boolean).join('&');
  });
}

/**
 * A digest of every table's rows, but those that change on their own while nobody asks: sessions (last seen), and
 * the evidence log's queue and tree, which the background sequencer seals after a permitted submission.
 */
export async function dataDigest(database: Database): Promise<string> {
  const { rows } = (await database.db.execute(
    sql.raw(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       ORDER BY table_name`,
    ),
  )) as unknown as { rows: { table_name: string }[] };
  const tables = rows
    .map((r) => r.table_name)
    .filter(
      (name) =>
        !['sessions', 'evidence_queue', 'evidence_leaves', 'evidence_hashes', 'evidence_checkpoints'].includes(name),
    );
  const parts = tables.map(
    (name) =>
      // Every committed insert or update gives a row a new (xmin, ctid); deletes change the count. Cheaper than
      // hashing the rows' text (programme documents, file contents), and stricter: a rewrite to the same values shows.
      `SELECT '${name}:' || count(*) || ':' || coalesce(sum(hashtext(xmin::text || ctid::text)::bigint), 0) AS d FROM "${name}"`,
  );
  const digest = (await database.db.execute(
    sql.raw(`SELECT string_agg(d, '|' ORDER BY d) AS digest FROM (${parts.join(' UNION ALL ')}) x`),
  )) as unknown as { rows: { digest: string }[] };
  return digest.rows[0]!.digest;
}
