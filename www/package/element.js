// The module the element script (eligibility-widget.js) loads: the class behind
// <eligibility-widget>, on an engine built without the JS API of index.js (the `api`
// feature: scripts/build.sh), which a page's visitors never call. scripts/build.sh
// names it, its glue and its .wasm after their content, and writes the .wasm's name
// and SHA-384 below, as for index.js.
import init, { Widget } from './element-engine.js';

const WASM = './element-engine_bg.wasm';
const WASM_INTEGRITY = null;

await init({ module_or_path: fetch(new URL(WASM, import.meta.url), WASM_INTEGRITY ? { integrity: WASM_INTEGRITY } : {}) });

export { Widget };
