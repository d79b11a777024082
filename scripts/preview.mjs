// The live preview for rule authors: `make preview PACK=packs/my-pack.toml` (after
// scripts/build-preview.sh) serves www/ on 127.0.0.1 (PORT, default 8081) with
// /preview.html drawing the widget from the pack file, compiled in the page. Saving the
// file redraws it (the page listens to /preview/events); a pack that does not compile
// shows its problems, each with its place, above the last good drawing.
import { readFile, stat, watch } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

/** Serves the preview of `packFile` on `port` (0: any free one), with the demo server. */
export async function preview(packFile, port = Number(process.env.PORT ?? 8081)) {
  const pack = resolve(packFile);
  await stat(pack);
  const listeners = new Set();
  // Closing the server stops the watch too, so that nothing keeps the process alive.
  const stop = new AbortController();
  (async () => {
    try {
      for await (const change of watch(pack, { signal: stop.signal })) if (change) for (const send of listeners) send();
    } catch (error) {
      if (error.name !== 'AbortError') throw error;
    }
  })();
  const handle = async (path, request, response) => {
    if (path === '/preview/pack') {
      const text = await readFile(pack, 'utf8').catch(() => '');
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-pack-file': basename(pack) });
      response.end(text);
      return true;
    }
    if (path === '/preview/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(': the pack file changed\n\n');
      const send = () => response.write('data: changed\n\n');
      listeners.add(send);
      request.on('close', () => listeners.delete(send));
      return true;
    }
    return false;
  };
  const server = await serve(port, { handle });
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
