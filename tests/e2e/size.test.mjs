// The widget's weight, against the budget in bench/size-budget.json: gzipped sizes are
// deterministic for a given build and Node, so this is a real test (timings are not,
// and stay in the benchmarks). Run after scripts/build.sh, by `npm test`. The budget
// counts the `.gz` copies that the build writes and a server sends as they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { copies, OUR_FILES, ourSizes, pageFiles } from '../../bench/sizes.mjs';

const budget = JSON.parse(await readFile(new URL('../../bench/size-budget.json', import.meta.url), 'utf8'));

test('the budget file names the files the widget loads, a target and a budget', () => {
  assert.deepEqual(budget.files, OUR_FILES.map(([file]) => file));
  for (const key of ['target_gzip_bytes', 'current_gzip_bytes', 'budget_gzip_bytes']) {
    assert.ok(Number.isInteger(budget[key]) && budget[key] > 0, `${key} is a number of bytes`);
  }
  assert.ok(budget.budget_gzip_bytes >= budget.target_gzip_bytes, 'the budget is never tighter than the target');
});

test('loader, ES module with its glue, .wasm and one language\'s texts fit the gzip budget', async (t) => {
  let sizes;
  try {
    sizes = await ourSizes();
  } catch (error) {
    assert.fail(`www/dist is not built (run scripts/build.sh first): ${error.message}`);
  }
  const total = sizes.total.gzip;
  const detail = sizes.files.map((f) => `${f.file} ${f.gzip}`).join(', ');
  t.diagnostic(`gzip: ${total} bytes (${detail}); budget ${budget.budget_gzip_bytes}, target ${budget.target_gzip_bytes}`);
  assert.ok(total <= budget.budget_gzip_bytes,
    `the widget is ${total} bytes gzipped, over its budget of ${budget.budget_gzip_bytes} by ${total - budget.budget_gzip_bytes}`
    + ` (${detail}); make it smaller, or raise bench/size-budget.json in the same commit and say why`);
  if (budget.budget_gzip_bytes - total >= 1024) {
    t.diagnostic(`${budget.budget_gzip_bytes - total} bytes under budget: lower bench/size-budget.json to keep the gain`);
  }
});

test('each file a page loads has its .gz and .br copies, which decode to exactly that file', async () => {
  // A stale copy would be sent in place of the file and fail its integrity check.
  const dist = new URL('../../www/dist/', import.meta.url);
  const manifest = JSON.parse(await readFile(new URL('files.json', dist), 'utf8'));
  for (const name of pageFiles(manifest)) {
    const bytes = await readFile(new URL(name, dist));
    const { gz, br } = await copies(name);
    assert.ok(gz && br, `www/dist/${name} has no .gz or no .br beside it`);
    assert.ok(gunzipSync(gz).equals(bytes), `${name}.gz is not ${name}`);
    assert.ok(brotliDecompressSync(br).equals(bytes), `${name}.br is not ${name}`);
  }
});

test('the .wasm files ship without custom sections (names, target features), which only tools read', async () => {
  const dist = new URL('../../www/dist/', import.meta.url);
  const manifest = JSON.parse(await readFile(new URL('files.json', dist), 'utf8'));
  for (const logical of ['element-engine_bg.wasm', 'eligibility_bg.wasm']) {
    const bytes = await readFile(new URL(manifest[logical].file, dist));
    const custom = [];
    // Each section: its id, its size as LEB128, its bytes; a custom section's id is 0.
    for (let at = 8; at < bytes.length;) {
      const id = bytes[at];
      let size = 0;
      let shift = 0;
      let byte;
      at += 1;
      do {
        byte = bytes[at];
        size += (byte & 0x7f) * 2 ** shift;
        shift += 7;
        at += 1;
      } while (byte & 0x80);
      if (id === 0) custom.push(at);
      at += size;
    }
    assert.deepEqual(custom, [], `${logical} has custom sections`);
  }
});
