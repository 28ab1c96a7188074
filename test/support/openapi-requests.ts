/**
 * Requests generated from the OpenAPI document: one plain, valid-looking request per operation,
 * with the fixture's real ids where a path or a field names one. The security matrices walk these,
 * so an operation added to the API is called by them the day it is added, with no list to update.
 */

type Json = Record<string, any>;

/** One operation of the document, named as `ROUTE_PERMISSIONS` names routes (`GET /api/v1/jobs/:id`). */
export interface Operation {
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  op: Json;
}

/** A request to make: the URL with its query, and the JSON body when the operation takes one. */
export interface PlannedRequest {
  url: string;
  body?: unknown;
}

/** Real ids of a fixture, by the name a path segment or a field gives them (`job`, `followUp`). */
export type FixtureIds = Record<string, string>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document, in its order. */
export function operationsOf(doc: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const m of METHODS) {
      const op = item[m] as Json | undefined;
      if (!op) continue;
      const method = m.toUpperCase() as Operation['method'];
      out.push({ key: `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`, method, path, op });
    }
  }
  return out;
}

/** The id kind a `{id}` names: the resource before it, singular (`follow-ups` → `followUp`). */
function resourceOf(path: string, param: string): string {
  const before = new RegExp(`/([a-z-]+)/\\{${param}\\}`).exec(path)?.[1] ?? '';
  const camel = before.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return param === 'id' ? camel.replace(/ies$/, 'y').replace(/s$/, '') : param.replace(/Id$/, '');
}

function deref(schema: Json | undefined, doc: Json): Json {
  let s = schema ?? {};
  while (s.$ref) s = doc.components.schemas[String(s.$ref).replace('#/components/schemas/', '')];
  return s;
}

/** The id a field or parameter named `name` takes (`jobId` → ids.job), when the fixture has one. */
function idFor(name: string, ids: FixtureIds): string | undefined {
  const kind = name.replace(/Ids?$/, '');
  return ids[kind] ?? (/Id$/.test(name) ? ids.member : undefined);
}

/**
 * The plainest value a schema accepts: required fields only, the first of an enum, a real id where
 * the field names one, a date in the fixture's future. Deterministic, so a matrix reads the same on
 * every run.
 */
export function exampleOf(schema: Json | undefined, doc: Json, ids: FixtureIds, name = ''): unknown {
  const s = deref(schema, doc);
  if (s.default !== undefined && s.type !== 'object') return s.default;
  if (s.anyOf || s.oneOf) {
    const options = ((s.anyOf ?? s.oneOf) as Json[]).map((x) => deref(x, doc));
    return exampleOf(options.find((o) => o.type !== 'null') ?? options[0], doc, ids, name);
  }
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'uuid') return idFor(name, ids) ?? ids.member;
      if (s.format === 'email') return `${name || 'someone'}.${Object.keys(ids).length}@example.test`;
      if (s.format === 'date-time' || s.format === 'date' || /At$|^at$|^from$|^to$|dueBefore/.test(name)) {
        return '2027-01-05T12:00:00Z';
      }
      if (/timeZone/.test(name)) return 'UTC';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    }
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array': {
      const min = s.minItems ?? 0;
      return Array.from({ length: Math.max(min, /Ids$/.test(name) ? 1 : 0) }, () =>
        exampleOf(s.items, doc, ids, name),
      );
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of (s.required ?? []) as string[]) {
        out[key] = exampleOf((s.properties ?? {})[key], doc, ids, key);
      }
      return out;
    }
    default:
      return null;
  }
}

/** The generated request of one operation: real ids in its path, required query values, a minimal body. */
export function generatedRequest(o: Operation, doc: Json, ids: FixtureIds): PlannedRequest {
  const path = o.path.replace(/\{(\w+)\}/g, (_, param: string) => {
    const id = ids[resourceOf(o.path, param)];
    if (!id) throw new Error(`${o.key}: the fixture has no id for {${param}}`);
    return id;
  });
  const query = ((o.op.parameters ?? []) as Json[])
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(exampleOf(p.schema, doc, ids, p.name)))}`);
  const bodySchema = o.op.requestBody?.content?.['application/json']?.schema;
  return {
    url: query.length > 0 ? `${path}?${query.join('&')}` : path,
    ...(bodySchema && { body: exampleOf(bodySchema, doc, ids) }),
  };
}
