/** Serves the built app (and the embed bundle) with caching, compression and no path traversal. */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

// On the thread pool: brotli at quality 11 takes about half a second for the app's main chunk,
// which must not stall every other request on the event loop.
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  // The embed's type declarations (dist/embed/ontora-add-contact.d.ts).
  '.ts': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.svg',
  '.txt',
  '.xml',
]);
const MIN_COMPRESS_BYTES = 512;
/** Bigger files are streamed from disk each time rather than cached (dist files are small). */
const MAX_CACHED_BYTES = 8 * 1024 * 1024;

interface CachedFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
  etag: string;
  type: string;
  gzip?: Buffer;
  br?: Buffer;
}

/**
 * Maps a URL path to a file strictly inside `root`, or null. Decoding happens once, and any
 * `..`, dot-file, backslash or NUL segment is refused rather than normalised away.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  const resolved = path.resolve(root, ...segments);
  const base = path.resolve(root);
  return resolved === base || resolved.startsWith(base + path.sep) ? resolved : null;
}

function acceptsEncoding(req: IncomingMessage, encoding: string): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [name = '', ...params] = part.trim().split(';');
    if (name.trim().toLowerCase() !== encoding) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export class StaticFiles {
  private cache = new Map<string, CachedFile>();

  /** `transformHtml` rewrites .html files once, before they are compressed and cached. */
  constructor(private readonly transformHtml: (html: string) => string = (html) => html) {}

  async exists(file: string): Promise<boolean> {
    try {
      return (await fs.stat(file)).isFile();
    } catch {
      return false;
    }
  }

  private async load(file: string): Promise<CachedFile | null> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const ext = path.extname(file).toLowerCase();
    const raw = await fs.readFile(file);
    const body = ext === '.html' ? Buffer.from(this.transformHtml(raw.toString('utf8'))) : raw;
    const entry: CachedFile = {
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      type: TYPES[ext] ?? 'application/octet-stream',
    };
    if (COMPRESSIBLE.has(ext) && body.length >= MIN_COMPRESS_BYTES) {
      [entry.gzip, entry.br] = await Promise.all([
        gzipAsync(body, { level: 9 }),
        brotliAsync(body, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
        }),
      ]);
    }
    if (body.length <= MAX_CACHED_BYTES) this.cache.set(file, entry);
    return entry;
  }

  /** Writes the file; false when it does not exist (nothing written). */
  async send(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    headers: Record<string, string>,
  ): Promise<boolean> {
    const entry = await this.load(file);
    if (!entry) return false;
    const common: Record<string, string> = {
      'content-type': entry.type,
      etag: entry.etag,
      ...headers,
    };
    if (entry.gzip)
      common.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
    const inm = req.headers['if-none-match'];
    if (
      typeof inm === 'string' &&
      inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag)
    ) {
      res.writeHead(304, common);
      res.end();
      return true;
    }
    let body = entry.body;
    if (entry.br && acceptsEncoding(req, 'br')) {
      body = entry.br;
      common['content-encoding'] = 'br';
    } else if (entry.gzip && acceptsEncoding(req, 'gzip')) {
      body = entry.gzip;
      common['content-encoding'] = 'gzip';
    }
    res.writeHead(200, { ...common, 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
}
