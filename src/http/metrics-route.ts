/**
 * `GET /metrics`: the Prometheus text exposition of the bot's registry. With a token configured
 * (`METRICS_TOKEN`), only `Authorization: Bearer <token>` is served (compared in constant time); anything else is
 * 401 with `WWW-Authenticate: Bearer`, and nothing about the metrics.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Route } from './routes.js';

export interface MetricsSource {
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** Constant-time equality of two secrets of any lengths (both hashed first, so lengths leak nothing). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function metricsRoute(source: MetricsSource, token?: string): Route {
  return {
    method: 'GET',
    path: '/metrics',
    async handle(request, response) {
      if (token !== undefined) {
        const header = request.headers.authorization ?? '';
        const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
        if (!sameSecret(given, token)) {
          response.writeHead(401, {
            'www-authenticate': 'Bearer',
            'content-type': 'text/plain; charset=utf-8',
          });
          response.end('Unauthorized\n');
          return;
        }
      }
      const { contentType, body } = await source.scrape();
      response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      response.end(body);
    },
  };
}
