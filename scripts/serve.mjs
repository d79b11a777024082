// Serves www/ on 127.0.0.1 (PORT, default 8080) for the demo pages and the browser
// tests. Two pages are served with a Content-Security-Policy header:
//   /strict-csp.html  the strict policy a careful publisher sets; the widget works
//   /no-wasm.html     the same without 'wasm-unsafe-eval'; the widget falls back
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../www/', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
};
const strict = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const policies = {
  '/strict-csp.html': strict,
  '/no-wasm.html': "default-src 'self'; script-src 'self'; style-src 'self'",
};

export function serve(port = Number(process.env.PORT ?? 8080)) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (policies[path]) headers['content-security-policy'] = policies[path];
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve();
  console.log(`Serving the demo pages on http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
}
