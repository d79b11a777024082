// What every visitor pays, measured: `make bench` (or `node bench/load.mjs` after
// `make build`). Prints the size of the files the widget loads (raw, gzip, brotli)
// and, in headless Chromium, how long the widget takes from navigation to its first
// drawn form, and how long one evaluation takes in WebAssembly. Median of RUNS.
import { readFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { open, ready, start } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const dist = new URL('../www/dist/', import.meta.url);
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

console.log('| file | raw | gzip | brotli |\n|---|---:|---:|---:|');
let total = [0, 0, 0];
// scripts/build.sh names the engine's files after their content: files.json says which.
const built = JSON.parse(await readFile(new URL('files.json', dist), 'utf8'));
for (const file of ['eligibility-widget.js', 'index.js', 'eligibility.js', 'eligibility_bg.wasm']) {
  const bytes = await readFile(new URL(file === 'eligibility-widget.js' ? file : built[file].file, dist));
  const sizes = [bytes.length, gzipSync(bytes, { level: 9 }).length, brotliCompressSync(bytes).length];
  total = total.map((t, i) => t + sizes[i]);
  console.log(`| ${file} | ${sizes.map(kb).join(' | ')} |`);
}
console.log(`| all | ${total.map(kb).join(' | ')} |\n`);

const browser = await start();
try {
  const loads = [];
  const evaluations = [];
  for (let run = 0; run < RUNS; run += 1) {
    const { page } = await open(browser.context, `${browser.origin}/`);
    await ready(page);
    loads.push(await page.evaluate(() => performance.now()));
    evaluations.push(await page.evaluate(async () => {
      const { evaluate } = await import('/dist/index.js');
      const answers = { profession: 'artist', rights_not_renewed_since_2020: true, days_worked: 12,
        works_on_netflix_production: false, annual_resources: '15000' };
      const n = 2000;
      const t0 = performance.now();
      for (let i = 0; i < n; i += 1) evaluate('netflix-audiens-2020', answers);
      return ((performance.now() - t0) / n) * 1000;
    }));
    await page.close();
  }
  console.log(`headless Chromium, ${RUNS} runs, local server, no network throttling:`);
  console.log(`- navigation start → widget drawn (median): ${median(loads).toFixed(1)} ms`);
  console.log(`- one evaluate() through the JS API (median): ${median(evaluations).toFixed(1)} µs`);
} finally {
  await browser.stop();
}
