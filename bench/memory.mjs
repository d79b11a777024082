// What a session's memories cost: `node bench/memory.mjs` (after scripts/build.sh).
// One session of the Netflix–Audiens programme is given each of bench/peers.mjs's
// seeded answer sets, complete then partial, and its verdict read after each (so that
// its outcome is evaluated, or looked up by the regions of the answers, and
// remembered); prints the WebAssembly memory before and after. The memory grows by
// 64 KiB pages and never shrinks: this is what the slots and the outcomes took, with
// the allocator's slack.
import { readFile } from 'node:fs/promises';
import { answerSets } from './answer-sets.mjs';

const dist = new URL('../www/dist/', import.meta.url);
const files = JSON.parse(await readFile(new URL('files.json', dist), 'utf8'));
const glue = await import(new URL(files['eligibility.js'].file, dist));
const wasm = await glue.default({ module_or_path: await readFile(new URL(files['eligibility_bg.wasm'].file, dist)) });
const bytes = () => wasm.memory.buffer.byteLength;

const before = bytes();
const session = new glue.Session('netflix-audiens-2020');
const ids = session.questions().map(([id]) => id);
for (const { name, sets } of answerSets(10_000)) {
  for (const answers of sets) {
    session.reset();
    for (const [id, value] of Object.entries(answers)) {
      const index = ids.indexOf(id);
      if (typeof value === 'boolean') session.setBool(index, value);
      else session.setText(index, String(value));
    }
    session.verdict(0);
  }
  console.log(`after the ${name}: WebAssembly memory ${before.toLocaleString('en')} → ${bytes().toLocaleString('en')} bytes (+${((bytes() - before) / 1024).toLocaleString('en')} KiB)`);
}
