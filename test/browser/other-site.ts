import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtherSite {
  /** The page with the forms, on `host` (another port is already another origin). */
  url(host: 'localhost' | '127.0.0.1'): string;
  stop(): Promise<void>;
}

/**
 * A page of another origin, as a malicious site would serve it: one button per session route, each
 * submitting a plain form to it. Forms are what a cross-site page can send without CORS' permission.
 */
export async function startOtherSite(target: string): Promise<OtherSite> {
  const forms = ['refresh', 'logout']
    .map(
      (route) =>
        `<form method="post" action="${target}/auth/session/${route}" enctype="text/plain">` +
        `<input type="hidden" name="claim" value="prize"><button>Post to ${route}</button></form>`,
    )
    .join('');
  const page = `<!doctype html><html lang="en"><head><title>Win a prize</title><link rel="icon" href="data:,"></head><body>${forms}</body></html>`;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: (host) => `http://${host}:${port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
