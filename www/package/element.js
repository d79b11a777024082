// The module the element script (eligibility-widget.js) loads: the class behind
// <eligibility-widget>, on an engine built without the JS API of index.js (the `api`
// feature: scripts/build.sh), which a page's visitors never call, and without the
// programmes' texts, which the element script fetches and gives it (`texts`).
// scripts/build.sh bundles it with its glue into one file, names that file and the
// .wasm after their content, and writes the .wasm's name and SHA-384 below, as for
// index.js.
//
// It starts the .wasm itself, as wasm-bindgen's `init` would from a fetch, with the
// glue's imports and start, which scripts/build.sh exports in its place: `init` and
// `initSync` carry ways in (a path, bytes, a module, old arguments) this module never
// takes (0.5 KB gzipped in all).
import { imports, start, texts, Widget } from './element-engine.js';

const WASM = './element-engine_bg.wasm';
const WASM_INTEGRITY = null;

// Anything but the file (a 404 page, say) fails its integrity: the fetch rejects.
const response = await fetch(new URL(WASM, import.meta.url), WASM_INTEGRITY ? { integrity: WASM_INTEGRITY } : {});
let wasm;
try {
  wasm = await WebAssembly.instantiateStreaming(response, imports());
} catch (error) {
  // Served with another type than application/wasm (docs/hosting.md): compiled once
  // downloaded, after a warning; any other error (the page's policy, a file not found
  // where no integrity is pinned) is thrown on.
  if (!response.ok || response.headers.get('Content-Type') === 'application/wasm') throw error;
  console.warn('eligibility-widget: the .wasm is not served as application/wasm: compiled more slowly. See docs/hosting.md.', error);
  wasm = await WebAssembly.instantiate(await response.arrayBuffer(), imports());
}
start(wasm.instance, wasm.module);

export { texts, Widget };
