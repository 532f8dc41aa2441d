/**
 * Malformed portal answers, made deterministically (seeded PRNG) from a valid
 * one: missing and extra fields, wrong types, nulls, huge strings, deep
 * nesting, emptied collections, junk values; and transport faults: wrong
 * content types, truncated or broken JSON, HTML error pages, empty bodies,
 * 204, 5xx. Each case says what the widget must do with it.
 */

/** What the fake portal answers. */
export interface Answer {
  status: number;
  /** `null`: no Content-Type header. */
  contentType: string | null;
  /** `null`: no body. */
  body: string | null;
  headers?: Record<string, string>;
}

/**
 * - `valid`: the element renders normally, and logs nothing;
 * - `schema`: refused by the contract's schema at a field related to `path`;
 * - `transport`: refused before the schema (not JSON, an error status…);
 * - `pending`: a 404 on the decision route, which means "no decision yet".
 */
export type Expect = 'valid' | 'schema' | 'transport' | 'pending';

export interface Case {
  name: string;
  answer: Answer;
  expect: Expect;
  /** The mutated JSON path, as the client prints it (`a.b[0].c`, `(root)`). */
  path?: string;
}

interface Schema {
  safeParse(value: unknown): { success: boolean };
}

/** Small, fast, seeded PRNG (mulberry32). */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** The path as the client's error message prints it. */
export const pathText = (path: Path) =>
  path.length ? path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('') : '(root)';

function nodesOf(value: Json, path: Path = [], out: { path: Path; value: Json }[] = []) {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => nodesOf(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) nodesOf(v, [...path, k], out);
  return out;
}

const typeOf = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A placeholder replaced, after JSON.stringify, by nesting too deep to stringify safely. */
const DEEP = '\u0000deep\u0000';
const DEPTH = 10_000;
const MEGABYTE = 1_000_000;

const OTHER_VALUES: Json[] = [null, 0, -1, 1.5, 1e308, '', 'x', ' ', true, false, [], {}, ['x'], { x: 1 }, '2024-02-30T25:61:00Z', 'javascript:alert(1)'];
const JUNK_STRINGS = ['', ' ', 'bogus', '🙂', 'null', '<script>alert(1)</script>', '2024-13-45', 'not-a-date', 'http://', 'AR', 'a'.repeat(65), 'x y'];
const JUNK_NUMBERS = [-1, 1.5, -0, 1e308, 2 ** 53 + 1, 0.1];

function setAt(root: Json, path: Path, value: Json | undefined): Json {
  if (!path.length) return value === undefined ? null : value;
  const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, root);
  const key = path.at(-1)!;
  if (Array.isArray(parent)) {
    if (value === undefined) parent.splice(key as number, 1);
    else parent[key as number] = value;
  } else if (parent && typeof parent === 'object') {
    if (value === undefined) delete parent[key as string];
    else parent[key as string] = value;
  }
  return root;
}

/** The body as sent, with the deep placeholder expanded. */
function serialise(value: Json): string {
  return JSON.stringify(value).replaceAll(JSON.stringify(DEEP), `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`);
}

/** What the widget must do with a body that reached it as JSON: parse as fetch would, then the schema. */
function judge(body: string, schema: Schema): Expect {
  let json: unknown;
  try {
    json = JSON.parse(body.replace(/^\ufeff/, ''));
  } catch {
    return 'transport';
  }
  return schema.safeParse(json).success ? 'valid' : 'schema';
}

const json = (body: string, status = 200): Answer => ({ status, contentType: 'application/json', body });

/**
 * `count` mutations of `valid` (seeded by `seed`), then the transport faults.
 * `route` is only used for names; `notFoundIsPending` for the decision route.
 */
export function malformedCases(valid: unknown, schema: Schema, { count, seed, notFoundIsPending = false }: { count: number; seed: number; notFoundIsPending?: boolean }): Case[] {
  const rnd = prng(seed);
  const cases: Case[] = [];
  let huge = 0;
  const add = (name: string, mutated: Json, path: Path) => {
    const body = serialise(mutated);
    const expect = judge(body, schema);
    cases.push({ name: `${name} at ${pathText(path)}`, answer: json(body), expect, path: pathText(path) });
  };
  while (cases.length < count) {
    const copy = structuredClone(valid) as Json;
    const nodes = nodesOf(copy);
    const node = rnd.pick(nodes);
    const kind = rnd.pick(['missing', 'missing', 'extra', 'extra', 'wrong-type', 'wrong-type', 'null', 'huge', 'deep', 'junk', 'empty']);
    switch (kind) {
      case 'missing':
        if (!node.path.length) continue;
        add('missing', setAt(copy, node.path, undefined), node.path);
        break;
      case 'extra': {
        const objects = nodes.filter((n) => typeOf(n.value) === 'object');
        const target = rnd.pick(objects);
        const key = rnd.pick(['extra', 'fr', '__proto__x', 'constructor', `x${rnd.int(1000)}`, 'EN', '']);
        const value = rnd.pick<Json>([...OTHER_VALUES, DEEP, 'x'.repeat(1000)]);
        (target.value as Record<string, Json>)[key] = value;
        add('extra field', copy, [...target.path, key]);
        break;
      }
      case 'wrong-type': {
        const others = OTHER_VALUES.filter((v) => typeOf(v) !== typeOf(node.value));
        add('wrong type', setAt(copy, node.path, rnd.pick(others)), node.path);
        break;
      }
      case 'null':
        add('null', setAt(copy, node.path, null), node.path);
        break;
      case 'huge': {
        const strings = nodes.filter((n) => typeof n.value === 'string');
        if (!strings.length || huge >= 6) continue;
        huge++;
        const target = rnd.pick(strings);
        const text = rnd.pick(['x', 'ش', '<b>', '😀', ' ']);
        add('1 MB string', setAt(copy, target.path, text.repeat(Math.ceil(MEGABYTE / text.length))), target.path);
        break;
      }
      case 'deep':
        add('deep nesting', setAt(copy, node.path, DEEP), node.path);
        break;
      case 'junk':
        if (typeof node.value === 'string') add('junk string', setAt(copy, node.path, rnd.pick(JUNK_STRINGS.filter((s) => s !== node.value))), node.path);
        else if (typeof node.value === 'number') add('junk number', setAt(copy, node.path, rnd.pick(JUNK_NUMBERS)), node.path);
        else continue;
        break;
      case 'empty':
        if (Array.isArray(node.value)) add('empty list', setAt(copy, node.path, []), node.path);
        else if (typeOf(node.value) === 'object') add('empty object', setAt(copy, node.path, {}), node.path);
        else continue;
        break;
    }
  }

  const text = serialise(valid as Json);
  const html = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
  const fixed: Case[] = [
    { name: 'valid JSON as text/plain', answer: { status: 200, contentType: 'text/plain', body: text }, expect: 'transport' },
    { name: 'valid JSON as text/html', answer: { status: 200, contentType: 'text/html; charset=utf-8', body: text }, expect: 'transport' },
    { name: 'valid JSON as application/octet-stream', answer: { status: 200, contentType: 'application/octet-stream', body: text }, expect: 'transport' },
    { name: 'valid JSON without a content type', answer: { status: 200, contentType: null, body: text }, expect: 'transport' },
    { name: 'an HTML page, 200', answer: { status: 200, contentType: 'text/html', body: html }, expect: 'transport' },
    { name: 'an HTML page said to be JSON, 200', answer: json(html), expect: 'transport' },
    { name: 'an HTML error page, 502', answer: { status: 502, contentType: 'text/html', body: html }, expect: 'transport' },
    { name: 'an HTML error page, 500', answer: { status: 500, contentType: 'text/html', body: html }, expect: 'transport' },
    { name: 'a problem, 500', answer: { status: 500, contentType: 'application/problem+json', body: '{"type":"about:blank","title":"Internal Server Error","status":500}' }, expect: 'transport' },
    { name: 'a malformed problem, 503, Retry-After', answer: { status: 503, contentType: 'application/problem+json', body: '{"title":', headers: { 'Retry-After': '5' } }, expect: 'transport' },
    { name: 'a 429 without a body', answer: { status: 429, contentType: null, body: null, headers: { 'Retry-After': 'soon' } }, expect: 'transport' },
    { name: 'a 404 page', answer: { status: 404, contentType: 'text/html', body: '<h1>Not Found</h1>' }, expect: notFoundIsPending ? 'pending' : 'transport' },
    { name: 'an empty body, 200 JSON', answer: json(''), expect: 'transport' },
    { name: 'whitespace, 200 JSON', answer: json(' \n\t '), expect: 'transport' },
    { name: '204 No Content', answer: { status: 204, contentType: null, body: null }, expect: 'transport' },
    { name: '204 No Content said to be JSON', answer: { status: 204, contentType: 'application/json', body: null }, expect: 'transport' },
    { name: 'trailing garbage', answer: json(`${text}}`), expect: 'transport' },
    { name: 'a JavaScript comment', answer: json(`/* */${text}`), expect: 'transport' },
    { name: 'single quotes', answer: json(text.replaceAll('"', "'")), expect: 'transport' },
    { name: 'NaN', answer: json(text.replace(/:\s*\d+/, ':NaN')), expect: text.match(/:\s*\d+/) ? 'transport' : judge(text, schema) },
    { name: 'JSON null', answer: json('null'), expect: 'schema', path: '(root)' },
    { name: 'a JSON array', answer: json(`[${text}]`), expect: 'schema', path: '(root)' },
    { name: 'a JSON string', answer: json(JSON.stringify(text)), expect: 'schema', path: '(root)' },
    { name: 'a JSON number', answer: json('42'), expect: 'schema', path: '(root)' },
    { name: 'JSON with a byte-order mark', answer: json(`\ufeff${text}`), expect: 'valid' },
    { name: 'application/json; charset=utf-8', answer: { status: 200, contentType: 'application/json; charset=utf-8', body: text }, expect: 'valid' },
    { name: 'deep nesting at the root', answer: json(`${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`), expect: judge(`${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`, schema) === 'transport' ? 'transport' : 'schema', path: '(root)' },
  ];
  for (const cut of [1, 2, Math.floor(text.length / 10), Math.floor(text.length / 2), text.length - 2, text.length - 1]) {
    fixed.push({ name: `truncated JSON (${cut} of ${text.length} characters)`, answer: json(text.slice(0, cut)), expect: 'transport' });
  }
  return [...cases, ...fixed];
}

/** Builds the Response a fetch would give for an answer. */
export function responseOf(a: Answer): Response {
  const headers = new Headers(a.headers);
  if (a.contentType !== null) headers.set('Content-Type', a.contentType);
  const response = new Response(a.status === 204 ? null : a.body, { status: a.status, headers });
  // A body given as a string gets text/plain from the Response constructor: take it off when the portal sent none.
  if (a.contentType === null && response.headers.get('Content-Type')) {
    return new Response(a.body === null || a.status === 204 ? null : new Blob([a.body]), { status: a.status, headers });
  }
  return response;
}
