/**
 * The page and its assets (`public/`): read once when the channel is created, served from memory with an ETag.
 * The page's `lang` follows the session's language so the first paint is already right.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import type { Locale } from '../../src/engine/turn.js';
import type { Send } from './http.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

export const ASSET_PREFIX = '/chat/assets/';

export interface StaticFiles {
  page(locale: Locale): Asset;
  asset(name: string): Asset | undefined;
}

function asset(body: Buffer, name: string): Asset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
  return { body, type: TYPES[extname(name)] ?? 'application/octet-stream', etag };
}

export async function loadStatic(directory: URL): Promise<StaticFiles> {
  const assets = new Map<string, Asset>();
  for (const name of await readdir(directory)) {
    if (!(extname(name) in TYPES) || name === 'index.html') continue;
    assets.set(name, asset(await readFile(new URL(name, directory)), name));
  }
  const html = await readFile(new URL('index.html', directory), 'utf8');
  if (!html.includes('<html lang="ja">'))
    throw new Error('public/index.html must start with <html lang="ja">');
  const pages: Record<Locale, Asset> = {
    ja: asset(Buffer.from(html), 'index.html'),
    en: asset(Buffer.from(html.replace('<html lang="ja">', '<html lang="en">')), 'index.html'),
  };
  return { page: (locale) => pages[locale], asset: (name) => assets.get(name) };
}

/** Sends an asset, or 304 when the browser's copy is current. Revalidated on every use (`no-cache`). */
export function sendAsset(send: Send, request: IncomingMessage, response: ServerResponse, file: Asset): void {
  const headers = { 'content-type': file.type, 'cache-control': 'no-cache', etag: file.etag };
  if (request.headers['if-none-match'] === file.etag) send(response, 304, '', headers);
  else send(response, 200, file.body, headers);
}
