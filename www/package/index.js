// The eligibility engine as an ES module, for browsers and Node:
//   import { evaluate, questions, programmes, nextQuestion } from 'eligibility-widget';
//   evaluate('netflix-audiens-2020', { profession: 'artist' }, { lang: 'en', today: '2020-04-15' });
//   evaluate(['netflix-audiens-2020', 'audiens-fonds-solidarite-2020'], answers); // one result each
// Each returns the same shape as the `eligibility` CLI prints (see index.d.ts).
// Bad answers throw an Error whose message names the question and what was expected.
//
// scripts/build.sh names this module, its glue and the .wasm after their content
// (index.<hash>.js; index.js re-exports it) and writes the .wasm's name and SHA-384
// below: pinned itself by the element script, this module pins the .wasm in turn.
import init, * as engine from './eligibility.js';

const WASM = './eligibility_bg.wasm';
const WASM_INTEGRITY = null;

const wasm = new URL(WASM, import.meta.url);
if (typeof process === 'object' && process.versions?.node) {
  const { readFile } = await import('node:fs/promises');
  await init({ module_or_path: await readFile(wasm) });
} else {
  await init({ module_or_path: fetch(wasm, WASM_INTEGRITY ? { integrity: WASM_INTEGRITY } : {}) });
}

export function evaluate(programmes, answers, { lang, today } = {}) {
  return engine.evaluate(programmes, answers, lang, today);
}

export function nextQuestion(programmes, answers) {
  return engine.nextQuestion(programmes, answers);
}

export function questions(programmes, { lang } = {}) {
  return engine.questions(programmes, lang);
}

export function programmes({ lang } = {}) {
  return engine.programmes(lang);
}

/** The class behind `<eligibility-widget>`, used by eligibility-widget.js. */
export const Widget = engine.Widget;
