#!/usr/bin/env bash
# Builds the widget into www/dist: the WebAssembly engines optimised for size, their
# JavaScript glue, the ES modules and their types, the element script, the iframe page,
# the pack format's JSON Schema and a readable page per programme (www/dist/pages).
# www/dist is also the npm package (`npm pack`).
#
# Every file the element script loads is named after its content and pinned to its
# SHA-384 (docs/hosting.md, "The snippet"):
#   element-engine_bg.<hash>.wasm the engine without the JS API, fetched by
#                                element.<hash>.js with its integrity
#   element.<hash>.js            the module of the element (`Widget`) with its glue,
#                                preloaded by the element script with its integrity,
#                                then imported
#   texts.fr.<hash>.txt, texts.en.<hash>.txt  the programmes' texts in each language,
#                                fetched by the element script with their integrity
#   sources.fr.<hash>.txt, sources.en.<hash>.txt  their sources and readings, fetched
#                                the same way once a visitor acts in a widget
#   eligibility-widget.js        the element script, which carries those names and
#                                hashes, the programmes' names and official links (for
#                                its fallback) and the loader's part of widget.css
#   eligibility-widget.<hash>.js the same file under a name that never changes meaning,
#                                for a script tag with `integrity`
# and so is the JS API, which pages never load:
#   eligibility_bg.<hash>.wasm   the engine with the JS API, fetched by index.<hash>.js
#   eligibility.<hash>.js        its glue
#   index.<hash>.js              the ES module of the JS API (and `Widget`)
#   index.js                     re-exports index.<hash>.js: the package's entry
# besides:
#   embed.html, embed.<hash>.js, embed-resize.js (and .<hash>.js): the iframe page
#   files.json                   each logical name → its file and SHA-384
#   <file>.gz, <file>.br         beside each file a page loads: the copies a server sends
#                                compressed (docs/hosting.md, "Compression")
set -euo pipefail
cd "$(dirname "$0")/.."

# The shipped .wasm is built on the pinned nightly (scripts/toolchain.sh) with the
# standard library compiled again for `panic=immediate-abort` and `optimize_for_size`: a
# panic, which the code is built never to reach, is a bare trap, without the panic hook,
# messages, locations or the formatting they need (7.9 KB gzipped less: BENCHMARKS.md,
# "The size cut"). The trap reaches JavaScript as a WebAssembly.RuntimeError, and the
# element script shows its fallback, the programmes' links, in the widget at work
# (www/eligibility-widget.js). The flags are set here, whatever RUSTFLAGS the caller has:
# they are part of what ships. Everything else (the CLI, the tests) stays on stable.
# `-Zlocation-detail=none`: a panic's source file, line and column, which such a trap
# never shows, are not kept either (0.2 KB gzipped: BENCHMARKS.md, "The third cut").
. scripts/toolchain.sh
rm -rf www/dist
mkdir -p www/dist
# Two engines: the ES module's (index.js), with the JS API, and the element script's
# (element.js), built without it (the `api` feature) in a target folder of its own: a
# page's visitors load only the second, about 19 KB gzipped lighter (BENCHMARKS.md).
# The element's is built for size, as every visitor pays its bytes; the JS API's for
# speed (opt-level 3, the standard library's quick variants, `wasm-opt -O3`), as
# developers call it in loops and pages do not load it: 0.2 µs quicker an `evaluate()`
# and 0.02 µs a session's changed answer, for about 21 KiB more gzipped (BENCHMARKS.md).
target="${CARGO_TARGET_DIR:-target}"
# `--flatten --rereloop` rewrites the control flow of every function from scratch, which
# `-Oz` then shrinks further than `-Oz` alone: twice, then two more `-Oz` (1.4 KB
# gzipped less than one `-Oz`: BENCHMARKS.md, "The third cut"). A function called from
# one place is inlined there only if it is small (`-ocimfs`, one-caller inline max
# function size): inlining every one made the widget's controller one huge function
# that compressed worse (1.1 KB gzipped: BENCHMARKS.md, "The fourteenth cut").
rewrite=(--flatten --rereloop -Oz)
for engine in eligibility element-engine; do
  case "$engine" in
    eligibility)
      dir="$target" features=() opt_level=3 std_features=() passes=(-O3) wasm_features= ;;
    element-engine)
      # Without reference types and multiple values, wasm-bindgen keeps the JS values in
      # an array of its glue, not in a table of externrefs with a shim per export: 0.5 KB
      # gzipped less, for calls a little slower, which a widget does not notice and the
      # JS API's engine, built with them, does not pay (BENCHMARKS.md, "The fourteenth cut").
      dir="$target/element" features=(--no-default-features) opt_level=z
      std_features=(-Z build-std-features=optimize_for_size) passes=(-ocimfs=20 "${rewrite[@]}" "${rewrite[@]}" -Oz -Oz)
      wasm_features="-Ctarget-feature=-reference-types,-multivalue" ;;
  esac
  mkdir -p "$dir" # for cargo's messages, written there before cargo makes it
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt_level \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none $wasm_features" \
    cargo +"$NIGHTLY" build --release --target wasm32-unknown-unknown --lib --target-dir "$dir" "${features[@]}" \
    -Z build-std=std,panic_abort "${std_features[@]}" --message-format=json-render-diagnostics > "$dir/messages.json"
  if [ "$engine" = element-engine ]; then
    # The element's engine is built without the programmes' texts and sources (the
    # `standalone` feature): they ship beside it, one file a language each, as build.rs
    # baked them for this very build (its folder, from cargo's messages), and the
    # element script fetches those a widget shows (src/catalogue.rs).
    out=$(node -e 'for (const line of require("fs").readFileSync(process.argv[1], "utf8").split("\n")) {
      const m = line && JSON.parse(line);
      if (m && m.reason === "build-script-executed" && /[#/]eligibility[@#]/.test(m.package_id)) console.log(m.out_dir);
    }' "$dir/messages.json")
    [ -n "$out" ] || { echo "build: no folder of the catalogue in cargo's messages" >&2; exit 1; }
    for lang in fr en; do
      cp "$out/catalogue.$lang.txt" "www/dist/texts.$lang.txt"
      cp "$out/catalogue.sources.$lang.txt" "www/dist/sources.$lang.txt"
    done
  fi
  wasm-bindgen --target web --no-typescript --out-dir www/dist --out-name "$engine" \
    "$dir/wasm32-unknown-unknown/release/eligibility.wasm"
  # The features Rust's wasm32 target emits; wasm-bindgen drops the section that names them.
  node_modules/.bin/wasm-opt "${passes[@]}" --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "www/dist/${engine}_bg.wasm" -o "www/dist/${engine}_bg.wasm"
done
cp www/package/* www/dist/

node --input-type=module - <<'EOF'
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { buildSync, transformSync } from 'esbuild';
// The files a page loads, which the benchmarks and the size test read too.
import { minifyCss, pageFiles } from './bench/sizes.mjs';

const root = pathToFileURL(`${process.cwd()}/`);
const www = new URL('www/', root);
const dist = new URL('www/dist/', root);
const manifest = {};

/** Replaces `from` by `to` in `text`, which must hold it exactly once. */
function replaceOnce(text, from, to, where) {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`build: expected ${JSON.stringify(from)} once in ${where}, found it ${parts.length - 1} times`);
  return parts.join(to);
}

/** JavaScript as served: minified (names, spaces, comments), the same code; a module
 * without what it neither exports nor uses. `format`: 'esm' for a module; none for the
 * element script, which also runs as a classic script, keeps the syntax of 2017
 * browsers so that an old one reaches its fallback. `options`: esbuild's, added. */
const minify = (code, format, options) => transformSync(code, {
  minify: true, treeShaking: true, format, target: format === 'esm' ? 'esnext' : 'es2017', charset: 'utf8', legalComments: 'none',
  ...options,
}).code;

/** Writes `bytes` as `stem.<hash>.ext`; returns that name. */
async function pin(logical, bytes) {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const dot = logical.lastIndexOf('.');
  const name = `${logical.slice(0, dot)}.${hash}${logical.slice(dot)}`;
  await writeFile(new URL(name, dist), bytes);
  manifest[logical] = { file: name, integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` };
  return name;
}

/** The LEB128 unsigned integer at `at` in `bytes`: [value, the offset after it]. */
function leb(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('build: the .wasm ends inside a number');
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}
const lebBytes = (value) => {
  const out = [];
  do {
    const byte = value % 128;
    value = Math.floor(value / 128);
    out.push(value > 0 ? byte | 0x80 : byte);
  } while (value > 0);
  return out;
};

/** The .wasm without its custom sections, its imports named `a`, `b`, … (their module
 * `a`) and its exports too (but `memory`, which benchmarks read), and the glue with the
 * same names. wasm-bindgen
 * names each import after its JS name and a hash, 16 hex digits that no compressor can
 * shorten, and some exports after their Rust paths, each in the .wasm and in the glue
 * (4.2 KB gzipped: BENCHMARKS.md, "The third cut"). */
function shortNames(bytes, glue, glueName) {
  const text = new TextDecoder('utf-8', { fatal: true });
  const short = (i) => {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    return i < letters.length ? letters[i] : short(Math.floor(i / letters.length) - 1) + letters[i % letters.length];
  };
  const utf8 = (s) => [...lebBytes(Buffer.byteLength(s)), ...Buffer.from(s)];
  // A name as the .wasm writes it: its length, then its UTF-8 bytes; read at `p`: [name, after].
  const name = (p) => {
    const [length, start] = leb(bytes, p);
    return [text.decode(bytes.subarray(start, start + length)), start + length];
  };
  /** Section `id`, its entries from `start` to `end`, written again: `entry(i, p)` gives
   * the `i`th entry's new bytes and where it ends. */
  const rewritten = (id, start, end, entry) => {
    let [count, p] = leb(bytes, start);
    const payload = [...lebBytes(count)];
    for (let i = 0; i < count; i++) {
      const [written, after] = entry(i, p);
      payload.push(...written);
      p = after;
    }
    if (p !== end) throw new Error(`build: the .wasm's section ${id} has bytes after its entries`);
    return Uint8Array.from([id, ...lebBytes(payload.length), ...payload]);
  };
  const modules = new Map();
  const out = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (id === 7) {
      // The exports, but `memory` (which benchmarks read): the glue calls them `wasm.…`.
      out.push(rewritten(id, start, end, (i, p) => {
        const [exported, kind] = name(p);
        const [, after] = leb(bytes, kind + 1);
        const renamed = exported === 'memory' ? exported : short(i);
        glue = glue.split(new RegExp(`(?<=\\bwasm\\.)${exported.replace(/\$/g, '\\$')}(?![\\w$])`)).join(renamed);
        return [[...utf8(renamed), ...bytes.subarray(kind, after)], after];
      }));
    } else if (id === 2) {
      out.push(rewritten(id, start, end, (i, p) => {
        const [module, next] = name(p);
        const [imported, kind] = name(next);
        // Only functions: anything else would need its own description read.
        if (bytes[kind] !== 0) throw new Error(`build: the .wasm imports ${module} ${imported}, not a function`);
        const [, after] = leb(bytes, kind + 1);
        if (!modules.has(module)) {
          modules.set(module, short(modules.size));
          glue = replaceOnce(glue, `${JSON.stringify(module)}: import`, `${JSON.stringify(modules.get(module))}: import`, glueName);
        }
        const renamed = short(i);
        const keys = glue.split(new RegExp(`(?<![\\w$])${imported.replace(/\$/g, '\\$')}(?=: function)`));
        if (keys.length !== 2) throw new Error(`build: expected the import ${imported} once in ${glueName}, found it ${keys.length - 1} times`);
        glue = keys.join(renamed);
        return [[...utf8(modules.get(module)), ...utf8(renamed), ...bytes.subarray(kind, after)], after];
      }));
    } else if (id !== 0) {
      // Every section but the custom ones: wasm-opt writes `target_features` back, which
      // only tools read (0.1 KB gzipped).
      out.push(bytes.subarray(at, end));
    }
    at = end;
  }
  return { wasm: Buffer.concat(out), glue };
}

/** An engine: its .wasm, the glue that names it, the module that names both; each
 * pinned, and the unpinned copies removed. `trim`, if given, edits the glue, and what
 * it then neither exports nor uses goes; `mangleProps` gives the properties it matches
 * one-letter names; `bundled`, the glue goes into the module, one file (the element's:
 * a request and 0.2 KB gzipped fewer than two, BENCHMARKS.md, "The texts apart").
 * The pinned names. */
async function engine(moduleName, glueName, wasmName, { trim = (glue) => glue, mangleProps, bundled = false } = {}) {
  const short = shortNames(await readFile(new URL(wasmName, dist)), await readFile(new URL(glueName, dist), 'utf8'), glueName);
  const wasm = await pin(wasmName, short.wasm);
  const glueCode = trim(replaceOnce(short.glue, `'${wasmName}'`, `'${wasm}'`, glueName));
  let module = await readFile(new URL(moduleName, dist), 'utf8');
  module = replaceOnce(module, `const WASM = './${wasmName}';`, `const WASM = './${wasm}';`, moduleName);
  module = replaceOnce(module, 'const WASM_INTEGRITY = null;', `const WASM_INTEGRITY = '${manifest[wasmName].integrity}';`, moduleName);
  let pinned;
  let glue = null;
  if (bundled) {
    await writeFile(new URL(glueName, dist), glueCode);
    const { outputFiles } = buildSync({
      stdin: { contents: module, resolveDir: fileURLToPath(dist), sourcefile: moduleName },
      bundle: true, write: false, minify: true, format: 'esm', target: 'esnext', charset: 'utf8', legalComments: 'none', mangleProps,
    });
    pinned = await pin(moduleName, outputFiles[0].contents);
  } else {
    glue = await pin(glueName, minify(glueCode, 'esm', { mangleProps }));
    module = replaceOnce(module, `from './${glueName}'`, `from './${glue}'`, moduleName);
    pinned = await pin(moduleName, minify(module, 'esm'));
  }
  for (const name of [moduleName, glueName, wasmName]) await rm(new URL(name, dist));
  return { module: pinned, glue };
}

// The programmes' texts and sources, one file a language each, named after its
// content; by the name the engine asks for them (`need`): `fr`, `sources.fr`, …
const texts = {};
for (const name of ['fr', 'en', 'sources.fr', 'sources.en']) {
  const logical = name.startsWith('sources.') ? `${name}.txt` : `texts.${name}.txt`;
  const pinned = await pin(logical, await readFile(new URL(logical, dist)));
  await rm(new URL(logical, dist));
  texts[name] = [pinned, manifest[logical].integrity];
}

const { module: index } = await engine('index.js', 'eligibility.js', 'eligibility_bg.wasm');
await writeFile(new URL('index.js', dist), `// The package's entry: the module, named after its content by scripts/build.sh.\nexport * from './${index}';\n`);
// The element's glue, trimmed to what the element uses: its module starts the .wasm
// itself (www/package/element.js), from the glue's imports and the function that starts
// the instance, exported in place of wasm-bindgen's `init` and `initSync`; the element
// frees its widgets with `free()`, never with `using` (Symbol.dispose); every call of
// passStringToWasm0 passes wasm-bindgen's realloc (checked), so its branch without one
// never runs. The glue's own properties get one-letter names (`__wbg_ptr` keeps its:
// the tests set it).
const element = await engine('element.js', 'element-engine.js', 'element-engine_bg.wasm', {
  trim(glue) {
    const name = 'element-engine.js';
    glue = replaceOnce(glue, 'export { initSync, __wbg_init as default };',
      'export { __wbg_get_imports as imports, __wbg_finalize_init as start };', name);
    glue = replaceOnce(glue, 'if (Symbol.dispose) Widget.prototype[Symbol.dispose] = Widget.prototype.free;\n', '', name);
    const withoutRealloc = glue.match(/passStringToWasm0\([^,()]*,[^,()]*\)/);
    if (withoutRealloc) throw new Error(`build: ${name} calls ${withoutRealloc[0]}, without realloc`);
    return replaceOnce(glue, `    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }
`, '', name);
  },
  mangleProps: /^(__destroy_into_raw|_wbg_cb_unref|cnt)$/,
  bundled: true,
});

// What the element script carries: names and links for its fallback, and the number
// of rows (options, or one field) of each programme's first question for its placeholder.
const api = await import(new URL(index, dist));
const [fr, en] = [api.programmes({ lang: 'fr' }), api.programmes({ lang: 'en' })];
const programmes = {};
fr.forEach((p, i) => {
  const first = api.questions(p.id).find((q) => q.id === api.nextQuestion(p.id, {}));
  const rows = first?.options && first.options.length <= 6 ? first.options.length : 1;
  programmes[p.id] = { url: p.apply_url, fr: p.name, en: en[i].name, rows };
});
const css = await readFile(new URL('src/widget/widget.css', root), 'utf8');
const part = css.match(/\/\* loader: begin[\s\S]*?\*\/([\s\S]*?)\/\* loader: end \*\//);
if (!part) throw new Error('build: widget.css has no "loader: begin" … "loader: end" part');
// Whole: the element script draws its placeholder with it, and gives it to the engine,
// whose own sheet is the rest of widget.css (build.rs's widget-form.css), adopted after
// it as in the file (0.7 KB gzipped fewer than both carrying the part).
const placeholderCss = minifyCss(part[1]);
const build = {
  module: [element.module, manifest['element.js'].integrity],
  texts,
  programmes,
  css: placeholderCss,
};
const loaderSource = await readFile(new URL('eligibility-widget.js', www), 'utf8');
// Served without its comments (they are in the source): a line that is only a comment goes.
const code = loaderSource.split('\n').filter((line) => !/^\s*(\/\/|\/\*\*|\*)/.test(line)).join('\n');
const header = '// <eligibility-widget>: the element script, built by scripts/build.sh from www/eligibility-widget.js.\n';
// The element's own properties and methods, which nothing outside it uses, get one-letter
// names (no element has such a property); `widget` keeps its name for the tests.
const ownProperties = /^(state|kept|why|load|need|watch|unwatch|guarded|idle|crash|fail)$/;
const loader = header + minify(replaceOnce(code, '/* scripts/build.sh */ null', JSON.stringify(build), 'eligibility-widget.js'),
  undefined, { mangleProps: ownProperties });
await writeFile(new URL('eligibility-widget.js', dist), loader);
await pin('eligibility-widget.js', loader);

// The iframe page: it pins its own script and the element script the same way.
const embedScript = await pin('embed.js', await readFile(new URL('embed.js', www)));
let embed = await readFile(new URL('embed.html', www), 'utf8');
for (const logical of ['eligibility-widget.js', 'embed.js']) {
  const { file, integrity } = manifest[logical];
  embed = replaceOnce(embed, `src="${logical}"`, `src="${file}" integrity="${integrity}"`, 'embed.html');
}
if (!embed.includes(embedScript)) throw new Error('build: embed.html does not load embed.js');
await writeFile(new URL('embed.html', dist), embed);
const resize = await readFile(new URL('embed-resize.js', www));
await writeFile(new URL('embed-resize.js', dist), resize);
await pin('embed-resize.js', resize);

await writeFile(new URL('files.json', dist), `${JSON.stringify(manifest, null, 2)}\n`);

// Each file a page loads for the widget, compressed here once as well as a compressor
// can, beside it: `.gz` by zopfli (a gzip stream any browser reads, about 5 % smaller
// than zlib's level 9) and `.br` by brotli at quality 11. A server that sends these in
// place of compressing each response sends fewer bytes and spends nothing per request
// (docs/hosting.md, "Compression"); the size budget counts the `.gz`.
for (const name of pageFiles(manifest)) {
  const bytes = await readFile(new URL(name, dist));
  await writeFile(new URL(`${name}.gz`, dist), await gzipAsync(bytes, { numiterations: 15 }));
  await writeFile(new URL(`${name}.br`, dist), brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
}
const { file, integrity } = manifest['eligibility-widget.js'];
for (const wasm of ['eligibility_bg.wasm', 'element-engine_bg.wasm'].map((name) => manifest[name].file)) {
  console.log(`build: www/dist/${wasm} is ${(await readFile(new URL(wasm, dist))).length} bytes`);
}
console.log(`build: <script src="…/${file}" integrity="${integrity}" crossorigin="anonymous" async></script>`);
EOF

# The pack format's JSON Schema ships with the package, for editors (see .taplo.toml).
cp schema/pack.schema.json www/dist/
# One readable page per shipped programme and language, written from its pack by the
# CLI: the demo server serves them as /dist/pages/<programme>.<fr|en>.html.
cargo build --quiet --bin eligibility
mkdir -p www/dist/pages
for programme in $(cargo run --quiet --bin eligibility -- programmes | cut -f1); do
  for lang in fr en; do
    cargo run --quiet --bin eligibility -- page "$programme" --lang "$lang" > "www/dist/pages/$programme.$lang.html"
  done
done
