import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './types.ts';

const API_PREFIXES = ['/api/', '/openapi.json', '/docs', '/healthz', '/readyz', '/metrics'];

export function hasWebApp(distDir: string | undefined): distDir is string {
  return distDir !== undefined && existsSync(join(distDir, 'index.html'));
}

/** Serves the built web app (apps/web/dist) from the same origin as the API. */
export async function serveWebApp(app: App, distDir: string): Promise<void> {
  await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: ['index.html'], cacheControl: false });
}

/**
 * Unknown paths that a browser asks for as HTML get index.html, so client-side routes survive a
 * reload; API paths keep their problem+json 404.
 */
export function wantsWebPage(method: string, url: string, accept: string | undefined): boolean {
  return method === 'GET' && !API_PREFIXES.some((prefix) => url.startsWith(prefix)) && (accept ?? '').includes('text/html');
}
