// Serves www/ on 127.0.0.1 (PORT, default 8080) for the demo pages and the browser
// tests. Three pages are served with a Content-Security-Policy header:
//   /strict-csp.html  the strict policy a careful publisher sets; the widget works
//   /no-wasm.html     the same without 'wasm-unsafe-eval'; the widget falls back
//   /trusted-types.html  the strict policy with Trusted Types required and no policy
//                     allowed: the widget writes no HTML, so it works
//
// `serve(port, options)` also plays the other servers of a publisher's setup, for the
// tests (tests/e2e/hosting.test.mjs):
//   root      the folder served (www/ by default; www/dist/ for a CDN)
//   cdn       send the headers docs/hosting.md asks of a CDN: CORS, a year of cache
//             for the content-hashed files, a short one for the others
//   cors      send `Access-Control-Allow-Origin: *` (implied by `cdn`; `cors: false`
//             with `cdn` plays a CDN that forgot it)
//   routes    { path: { body, headers } }: pages made by the test (a publisher's page
//             built from the snippet of docs/hosting.md, with its CSP)
//   tamper    (path, body) => body or undefined: serves a modified copy of a file
//             (a compromised CDN), for the integrity tests
//   handle    async (path, request, response) => true when it answered: a caller's
//             own requests first (the live preview's pack and events, scripts/preview.mjs)
// A file that scripts/build.sh compressed (`.br`, `.gz` beside it) is sent compressed
// to a client that accepts it, as docs/hosting.md asks of a server ("Compression").
// With `make run`, a second server plays the CDN on PORT+1 for /cdn.html, which is
// served with the policy of docs/hosting.md.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../www/', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const strict = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const policies = {
  '/strict-csp.html': strict,
  '/no-wasm.html': "default-src 'self'; script-src 'self'; style-src 'self'",
  '/trusted-types.html': `${strict}; require-trusted-types-for 'script'; trusted-types 'none'`,
};

/** Files named `name.<10 hex digits>.ext` by scripts/build.sh never change: a CDN may
 * keep them a year. */
export const HASHED = /\.[0-9a-f]{10}\.(js|wasm|txt)$/;

/** The headers docs/hosting.md asks a CDN to send with a file. */
export function cdnHeaders(path, { cors = true } = {}) {
  const headers = {
    'x-content-type-options': 'nosniff',
    'cache-control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
  };
  if (cors) headers['access-control-allow-origin'] = '*';
  return headers;
}

/** The copies scripts/build.sh writes beside a file, the smaller first: [encoding, suffix]. */
const COPIES = [['br', '.br'], ['gzip', '.gz']];

/** Whether `header` (an Accept-Encoding) accepts `encoding`: named or `*`, and not at
 * `q=0`. Any other weight counts as accepting: the smaller copy is sent whenever it is
 * accepted at all, as servers that send precompressed files do. */
export function accepts(header = '', encoding) {
  let wildcard = false;
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';').map((p) => p.trim());
    const refused = params.some((p) => /^q=0(\.0*)?$/.test(p));
    if (name === encoding) return !refused;
    if (name === '*') wildcard = !refused;
  }
  return wildcard;
}

/** The compressed copy of `file` that `request` accepts, if there is one: [encoding, bytes]. */
async function compressed(file, request) {
  for (const [encoding, suffix] of COPIES) {
    if (!accepts(request.headers['accept-encoding'], encoding)) continue;
    try {
      return [encoding, await readFile(file + suffix)];
    } catch {
      // No such copy: the next, or the file itself.
    }
  }
  return null;
}

export function serve(port = Number(process.env.PORT ?? 8080), options = {}) {
  const { root = www, cdn = false, cors = cdn, routes = {}, tamper, handle } = options;
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    // A caller's own answers first (the live preview's pack and events), when it gives one.
    if (handle && (await handle(path, request, response))) return;
    const route = routes[path];
    if (route) {
      response.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-cache', ...route.headers }).end(route.body);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const tampered = tamper?.(path, body);
      // `vary` on every file, compressed or not, so that no cache keeps one encoding for all.
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', vary: 'Accept-Encoding' };
      // A tampered file is sent as modified, never its build's compressed copy.
      const copy = tampered === undefined ? await compressed(file, request) : null;
      if (copy) [headers['content-encoding'], body] = copy;
      body = tampered ?? body;
      if (cdn) Object.assign(headers, cdnHeaders(path, { cors }));
      else if (cors) headers['access-control-allow-origin'] = '*';
      if (policies[path] && root === www) headers['content-security-policy'] = policies[path];
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const dist = join(www, 'dist/');
  // The CDN of /cdn.html: www/dist on the next port, a second origin.
  const cdnServer = await serve(port + 1, { root: dist, cdn: true });
  const cdnOrigin = `http://127.0.0.1:${cdnServer.address().port}`;
  // docs/hosting.md's policy, the CDN in place of https://cdn.example.
  const csp = `default-src 'self'; script-src 'self' ${cdnOrigin} 'wasm-unsafe-eval'; connect-src 'self' ${cdnOrigin}; style-src 'self'`;
  const page = await readFile(join(www, 'cdn.html'), 'utf8');
  const routes = {
    '/cdn.html': { body: page.replaceAll('https://cdn.example/eligibility', cdnOrigin), headers: { 'content-security-policy': csp } },
  };
  const server = await serve(port, { routes });
  console.log(`Serving the demo pages on http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
  console.log(`and www/dist as a CDN on ${cdnOrigin}/ (for /cdn.html)`);
}
