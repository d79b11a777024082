#!/usr/bin/env bash
# Builds the widget into www/dist: the WebAssembly engine optimised for size, its
# JavaScript glue, the element script, the ES module and its types, and the list of
# programmes the fallback links to, the pack format's JSON Schema, and a readable page
# per programme (www/dist/pages). www/dist is also the npm package (`npm pack`).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --target wasm32-unknown-unknown --lib
rm -rf www/dist
mkdir -p www/dist
wasm-bindgen --target web --no-typescript --out-dir www/dist --out-name eligibility \
  target/wasm32-unknown-unknown/release/eligibility.wasm
# The features Rust's wasm32 target emits; wasm-bindgen drops the section that names them.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/dist/eligibility_bg.wasm -o www/dist/eligibility_bg.wasm
cp www/eligibility-widget.js www/package/* www/dist/
# The pack format's JSON Schema ships with the package, for editors (see .taplo.toml).
cp schema/pack.schema.json www/dist/
node --input-type=module -e "
  import { programmes } from './www/dist/index.js';
  const [fr, en] = [programmes({ lang: 'fr' }), programmes({ lang: 'en' })];
  const list = fr.map((p, i) => ({ id: p.id, apply_url: p.apply_url, name: { fr: p.name, en: en[i].name } }));
  process.stdout.write(JSON.stringify(list, null, 2) + '\n');
" > www/dist/programmes.json
# One readable page per shipped programme and language, written from its pack by the
# CLI: the demo server serves them as /dist/pages/<programme>.<fr|en>.html.
cargo build --quiet --bin eligibility
mkdir -p www/dist/pages
for programme in $(cargo run --quiet --bin eligibility -- programmes | cut -f1); do
  for lang in fr en; do
    cargo run --quiet --bin eligibility -- page "$programme" --lang "$lang" > "www/dist/pages/$programme.$lang.html"
  done
done
printf 'build: www/dist/eligibility_bg.wasm is %s bytes\n' "$(wc -c < www/dist/eligibility_bg.wasm)"
