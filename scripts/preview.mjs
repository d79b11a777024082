// The live preview for rule authors: `make preview PACK=packs/my-pack.toml` (after
// scripts/build-preview.sh) serves www/ on 127.0.0.1 (PORT, default 8081) with
// /preview.html drawing the widget from the pack file, compiled in the page. Saving the
// file redraws it (the page listens to /preview/events); a pack that does not compile
// shows its problems, each with its place, above the last good drawing.
import { createServer } from 'node:http';
import { readFile, stat, watch } from 'node:fs/promises';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../www/', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** Serves the preview of `packFile` on `port` (0: any free one). */
export async function preview(packFile, port = Number(process.env.PORT ?? 8081)) {
  const pack = resolve(packFile);
  await stat(pack);
  const listeners = new Set();
  // Closing the server stops the watch too, so that nothing keeps the process alive.
  const stop = new AbortController();
  const watcher = watch(pack, { signal: stop.signal });
  (async () => {
    try {
      for await (const change of watcher) if (change) for (const send of listeners) send();
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  })();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (path === '/preview/pack') {
      const text = await readFile(pack, 'utf8').catch(() => '');
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-pack-file': basename(pack) });
      response.end(text);
      return;
    }
    if (path === '/preview/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(': the pack file changed\n\n');
      const send = () => response.write('data: changed\n\n');
      listeners.add(send);
      request.on('close', () => listeners.delete(send));
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}preview.html` : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const close = server.close.bind(server);
  server.close = (callback) => {
    listeners.clear();
    stop.abort();
    server.closeAllConnections?.();
    return close(callback);
  };
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/preview.mjs <pack file>   (or: make preview PACK=<pack file>)');
    process.exit(2);
  }
  const server = await preview(file);
  console.log(`Previewing ${file} on http://127.0.0.1:${server.address().port}/preview.html (saving the file redraws it; Ctrl-C to stop)`);
}
