// What the widget weighs on the wire, against each peer's browser bundle for the same
// job: `node bench/sizes.mjs` (after `scripts/build.sh`; `make bench` runs it). Raw,
// gzip and brotli (quality 11), each file compressed alone as a server sends it. Ours
// twice for gzip: the `.gz` that scripts/build.sh writes beside each file a page loads
// (zopfli), which a server sends as it is (docs/hosting.md, "Compression"), and zlib's
// level 9, what a server compressing each response at its best sends, to which the
// peers are compared. Sizes are deterministic for a given build and Node, so
// tests/e2e/size.test.mjs checks ours against bench/size-budget.json.
import { readFile, readdir } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = new URL('../', import.meta.url);
const dist = new URL('www/dist/', root);
const modules = new URL('node_modules/', root);

/** The files the widget loads, in the order it loads them, and what each is. */
export const OUR_FILES = [
  ['eligibility-widget.js', 'loader (the element script a page includes)'],
  ['element.js', 'the element\'s ES module with its wasm-bindgen glue (finds and starts the .wasm)'],
  ['element-engine_bg.wasm', 'engine, widget, all shipped packs but their texts, and the CSS; no JS API'],
  ['texts.fr.txt', "the programmes' texts in French: a widget loads those of its language, and the French are the larger"],
];

/** The texts in the other language: loaded by a widget shown in English instead of the
 * French, or by one switched to it. */
export const OTHER_LANGUAGE = ['texts.en.txt', "the programmes' texts in English"];

/** The programmes' sources and readings, loaded once the visitor acts in a widget (an
 * answer, a click): those of its language. */
export const SOURCES = [
  ['sources.fr.txt', "the programmes' sources and the packs' readings of them, in French: loaded once a visitor acts in a widget shown in French"],
  ['sources.en.txt', 'the same in English'],
];

/** The JS API's files, for developers (`import … from 'eligibility-widget'`): no page loads them. */
export const API_FILES = [
  ['index.js', 'the ES module of the JS API'],
  ['eligibility.js', 'its wasm-bindgen glue'],
  ['eligibility_bg.wasm', 'engine with the JS API, widget, all shipped packs, and the CSS'],
];

export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
export const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
/** `gzip` and `brotli` are what a page is sent: the `.gz` and `.br` that scripts/build.sh
 * wrote (`copies`), or, for a file without, zlib's level 9 and brotli's quality 11 on
 * the fly; `zlib`, always gzip on the fly at level 9. */
const sizes = (bytes, { gz, br } = {}) => {
  const zlib = gzip(bytes);
  return { raw: bytes.length, gzip: gz?.length ?? zlib, zlib, brotli: br?.length ?? brotli(bytes) };
};
const KEYS = ['raw', 'gzip', 'zlib', 'brotli'];
const sum = (list) => Object.fromEntries(KEYS.map((k) => [k, list.reduce((total, s) => total + s[k], 0)]));

/** The file a logical name is built as: scripts/build.sh names the engine's files after
 * their content and lists them in www/dist/files.json; the element script keeps its name. */
export async function built(logical) {
  const manifest = JSON.parse(await readFile(new URL('files.json', dist), 'utf8'));
  return logical === 'eligibility-widget.js' ? logical : manifest[logical]?.file ?? logical;
}

/** Every file a page loads, the widget's and the iframe's, as built in www/dist
 * (`manifest`: files.json): scripts/build.sh writes a `.gz` and a `.br` beside each. */
export function pageFiles(manifest) {
  const pinned = [...[...OUR_FILES, OTHER_LANGUAGE, ...SOURCES].map(([file]) => file), 'embed.js', 'embed-resize.js']
    .map((logical) => manifest[logical].file);
  return ['eligibility-widget.js', 'embed.html', 'embed-resize.js', ...pinned];
}

/** The `.gz` and `.br` that scripts/build.sh wrote beside a built file, or nulls. */
export async function copies(name) {
  const read = (suffix) => readFile(new URL(`${name}${suffix}`, dist)).catch(() => null);
  return { gz: await read('.gz'), br: await read('.br') };
}

/** Our files as built in www/dist: [{ file, what, raw, gzip, zlib, brotli }], and their
 * total. */
export async function ourSizes(list = OUR_FILES) {
  const files = [];
  for (const [file, what] of list) {
    const name = await built(file);
    files.push({ file, what, ...sizes(await readFile(new URL(name, dist)), await copies(name)) });
  }
  return { files, total: sum(files) };
}

/** src/widget/widget.css as build.rs writes it into the .wasm: the same steps as its `minify_css`. */
export function minifyCss(css) {
  const spaced = css.replace(/\/\*[\s\S]*?(\*\/|$)/g, '').split(/\s+/).filter(Boolean).join(' ');
  return spaced.replace(/ (?=[{};,>!])|(?<=[{};,>:]) /g, '').replaceAll(';}', '}');
}

/** The widget's CSS: not a file of its own but a string inside the .wasm (src/widget/widget.css, minified). */
export async function cssInWasm() {
  const whole = await readFile(new URL('src/widget/widget.css', root), 'utf8');
  // The element's engine holds what follows the loader's part (build.rs's widget-form.css).
  const css = Buffer.from(minifyCss(whole.slice(whole.indexOf('/* loader: end */') + '/* loader: end */'.length)));
  const wasm = await readFile(new URL(await built('element-engine_bg.wasm'), dist));
  return { inside: wasm.includes(css), ...sizes(css) };
}

/** Relative require()/import files reachable from a CommonJS or ES entry file. */
async function reachable(entry) {
  const seen = new Set();
  const stack = [fileURLToPath(entry)];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:require\(|\bfrom\s+|\bimport\s*\(?)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const path = join(dirname(file), spec);
      stack.push(/\.[cm]?js$/.test(path) ? path : `${path}.js`);
    }
  }
  return [...seen].sort();
}

/** Each peer's browser bundle for the same job: the files a page would load for the
 * engine alone (rules and any form not included), minified where the package ships it. */
export async function peerBundles() {
  const at = (path) => fileURLToPath(new URL(path, modules));
  const zenDir = fileURLToPath(new URL('@gorules/zen-engine-wasm/', modules));
  const bundles = [
    {
      peer: 'json-logic-js',
      note: 'logic.js, its only file (UMD; no minified build shipped)',
      files: [at('json-logic-js/logic.js')],
    },
    {
      peer: 'json-rules-engine',
      note: 'no browser build shipped: its dist/*.js reachable from dist/index.js (CommonJS, not minified) and its dependencies\' browser files (clone.js, eventemitter2.js, hash-it dist/min/index.js, jsonpath-plus dist/index-browser-umd.min.cjs with jsep inside), as one file',
      files: [
        ...(await reachable(new URL('json-rules-engine/dist/index.js', modules))),
        at('clone/clone.js'),
        at('eventemitter2/lib/eventemitter2.js'),
        at('hash-it/dist/min/index.js'),
        at('jsonpath-plus/dist/index-browser-umd.min.cjs'),
      ],
      concatenate: true,
    },
    {
      peer: '@gorules/zen-engine-wasm',
      note: 'index.js and util/ (ES modules), dist/zen_engine_wasm.js (glue) and dist/zen_engine_wasm_bg.wasm, each file alone (no minified build shipped)',
      files: [...(await reachable(new URL('@gorules/zen-engine-wasm/index.js', modules))), join(zenDir, 'dist/zen_engine_wasm_bg.wasm')],
    },
  ];
  for (const bundle of bundles) {
    const contents = await Promise.all(bundle.files.map((f) => readFile(f)));
    bundle.sizes = bundle.concatenate ? sizes(Buffer.concat(contents)) : sum(contents.map((bytes) => sizes(bytes)));
    bundle.files = bundle.files.map((f) => f.slice(fileURLToPath(modules).length));
  }
  return bundles;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ours = await ourSizes();
  const css = await cssInWasm();
  const row = (f, name = f.file, what = f.what) => `| ${name} | ${what} | ${KEYS.map((k) => kib(f[k])).join(' | ')} |`;
  console.log('| file | what | raw | gzip, as shipped (.gz) | gzip, zlib level 9 | brotli |\n|---|---|---:|---:|---:|---:|');
  for (const f of ours.files) console.log(row(f));
  console.log(row(ours.total, '**ours, a page in French**', 'loader + ES module and glue + .wasm + the French texts'));
  const later = await ourSizes([OTHER_LANGUAGE, ...SOURCES]);
  for (const f of later.files) console.log(row(f));
  const api = await ourSizes(API_FILES);
  for (const f of api.files) console.log(row(f, `*${f.file}*`, `*${f.what}*`));
  console.log(row(css, `(the CSS, ${css.inside ? 'inside' : 'NOT FOUND in'} the .wasm)`, 'src/widget/widget.css after the loader\'s part, minified by build.rs, counted in the .wasm (the loader\'s part is in the element script)'));
  for (const b of await peerBundles()) {
    // Against ours compressed the same way: gzip on the fly (zlib) and brotli.
    const times = (k, ourKey = k) => `${kib(b.sizes[k])} (${(b.sizes[k] / ours.total[ourKey]).toFixed(2)}×)`;
    console.log(`| **${b.peer}** | ${b.note} | ${times('raw')} | — | ${times('zlib')} | ${times('brotli')} |`);
  }
  const budget = JSON.parse(await readFile(new URL('bench/size-budget.json', root), 'utf8'));
  console.log(`\nPeers: (n×) is the size over ours compressed the same way. Ours, gzip as shipped: ${ours.total.gzip} bytes`
    + ` (zlib level 9: ${ours.total.zlib}); budget ${budget.budget_gzip_bytes},`
    + ` target ${budget.target_gzip_bytes} (${kib(Math.abs(ours.total.gzip - budget.target_gzip_bytes))} ${ours.total.gzip > budget.target_gzip_bytes ? 'over' : 'under'} it).`);
  const files = await readdir(dist);
  if (files.some((f) => f.endsWith('.css'))) console.log('Note: www/dist has a CSS file of its own: count it.');
}
