import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { requireShared } from './corpus';

/**
 * The saved pages' own scripts expect their sites' servers and redirect or fail without them, so
 * they do not run; nothing is fetched from anywhere but this server either. Our content scripts
 * are not subject to a page's policy.
 */
const PAGE_POLICY = "script-src 'none'; default-src 'self' 'unsafe-inline' data: blob:";

export interface PageServer {
  /** Address of a corpus page (`nytimes-1`), of the seed article (`seed`), or of an extra page. */
  url(page: string): string;
  /** Serves `html` at a corpus page's address from now on (null: the corpus file again), as when a site edits an article. */
  replace(page: string, html: string | null): void;
  close(): Promise<void>;
}

export interface PageServerOptions {
  /** Extra pages served without the policy above, so their own scripts run (hostile-page tests). */
  withScripts?: readonly string[];
}

/**
 * Serves corpus pages on 127.0.0.1 only: `/pages/<name>/` is `corpus/pages/<name>/source.html`,
 * `/seed/` the seed article. `extra` adds pages by name, served at `/extra/<name>/`.
 */
export async function startPageServer(extra: Record<string, string> = {}, options: PageServerOptions = {}): Promise<PageServer> {
  const withScripts = new Set(options.withScripts ?? []);
  const shared = requireShared();
  const replaced = new Map<string, string>();
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    let html: string | undefined;
    const page = /^\/pages\/([\w.-]+)\/$/.exec(path)?.[1];
    const extraPage = /^\/extra\/([\w.-]+)\/$/.exec(path)?.[1];
    try {
      if (page) html = replaced.get(page) ?? (await readFile(resolve(shared, 'corpus/pages', page, 'source.html'), 'utf8'));
      else if (path === '/seed/') html = await readFile(resolve(shared, 'corpus/seed/seed-voa-sony.html'), 'utf8');
      else if (extraPage) html = extra[extraPage];
    } catch {
      html = undefined;
    }
    if (html === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (!(extraPage && withScripts.has(extraPage))) headers['content-security-policy'] = PAGE_POLICY;
    response.writeHead(200, headers).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => (name === 'seed' ? `http://127.0.0.1:${port}/seed/` : name in extra ? `http://127.0.0.1:${port}/extra/${name}/` : `http://127.0.0.1:${port}/pages/${name}/`),
    replace: (page, html) => (html === null ? replaced.delete(page) : replaced.set(page, html)),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
