/**
 * Safe static files for the portal: the widget build, the demo pages and the
 * consultation documents. Small on purpose; every path that is not plainly a
 * file inside the root is "not found", never an error or a file elsewhere.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
};

export function contentTypeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Resolves a URL path (already split off its prefix) inside `root`, or null
 * when it could name anything outside it: `..` or `.` segments, backslashes,
 * NUL, hidden files, or anything the decoding turns into those.
 */
export function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return null;
  const base = resolve(root);
  const full = resolve(base, ...segments);
  return full === base || full.startsWith(base + sep) ? full : null;
}

export interface StaticOptions {
  cacheControl?: string;
  headers?: Record<string, string>;
  /** Serve `file.br` or `file.gz` beside the file (made at build time) when the request accepts it. */
  precompressed?: boolean;
}

/** Whether `Accept-Encoding` accepts `encoding` (listed, or `*`, with a q above 0). */
function accepts(header: string | null, encoding: string): boolean {
  return (header ?? '').split(',').some((entry) => {
    const [token, ...params] = entry.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    return (token === encoding || token === '*') && (q === undefined || Number(q) > 0);
  });
}

/** The precompressed variant of `path` the request accepts, brotli first; null when there is none. */
async function variantOf(path: string, request: Request): Promise<{ path: string; encoding: string } | null> {
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (!accepts(request.headers.get('Accept-Encoding'), encoding)) continue;
    try {
      if ((await stat(path + ext)).isFile()) return { path: path + ext, encoding };
    } catch {
      /* no such variant */
    }
  }
  return null;
}

/**
 * Answers a regular file with its content type, a strong ETag of its bytes
 * and 304 on a matching If-None-Match; null when there is no such file.
 */
export async function fileResponse(
  path: string,
  request: Request,
  options: StaticOptions = {},
): Promise<Response | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
  } catch {
    return null;
  }
  const variant = options.precompressed ? await variantOf(path, request) : null;
  const bytes = await readFile(variant?.path ?? path);
  // Each encoding is its own representation, with its own validator.
  const etag = strongEtag(bytes);
  const headers = new Headers({
    'Content-Type': contentTypeOf(path),
    ETag: etag,
    'Cache-Control': options.cacheControl ?? 'public, max-age=300',
    'X-Content-Type-Options': 'nosniff',
    ...(options.precompressed ? { Vary: 'Accept-Encoding' } : {}),
    ...(variant ? { 'Content-Encoding': variant.encoding } : {}),
    ...options.headers,
  });
  if (etagMatches(request.headers.get('If-None-Match'), etag)) {
    headers.delete('Content-Type');
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
}

/** A strong validator: a hash of the exact bytes sent, quoted as RFC 9110 asks. */
export function strongEtag(body: string | Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** If-None-Match uses weak comparison (RFC 9110 13.1.2): `W/` prefixes are ignored. */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => bare(t) === bare(etag));
}
