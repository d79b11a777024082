// The eligibility engine as an ES module, for browsers and Node:
//   import { evaluate, questions, programmes, nextQuestion, Session } from 'eligibility-widget';
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

// The objects of a report, each made in one call from its fields in the order the
// CLI prints them (src/js.rs, `report_to_js`).
engine.useMakers({
  report: (programme, status, amount, benefit, next_question, depends_on, opens, closes, state, criteria, changes, before_applying, version, hash) =>
    ({ programme, status, amount, benefit, next_question, depends_on, window: { opens, closes, state }, criteria, changes, before_applying, pack: { version, hash } }),
  amount: (currency, min, max) => ({ currency, min, max }),
  money: (currency, min, max, operator_decides) => ({ kind: 'money', currency, min, max, operator_decides }),
  place: (what, starts) => ({ kind: 'place', what, starts }),
  criterion: (criteria, id, status, explanation) => { criteria.push({ id, status, explanation }); },
});

export function evaluate(programmes, answers, { lang, today } = {}) {
  const session = kept(programmes);
  session.engine.setOptions(lang, today);
  answer(session, answers);
  return session.several ? session.reports() : session.report(0);
}

export function nextQuestion(programmes, answers) {
  const session = kept(programmes);
  answer(session, answers);
  return session.questionId(session.nextQuestion());
}

const STATUS = ['eligible', 'not_eligible', 'undetermined'];

/** A form kept compiled with the answers given so far, which takes them one at a time
 * (see index.d.ts). Questions and programmes are named by their index: `question(id)`. */
export class Session {
  constructor(programmes, { lang, today } = {}) {
    this.engine = new engine.Session(programmes, lang, today);
    this.several = Array.isArray(programmes);
    this.ids = this.engine.questionIds();
    this.indices = new Map(this.ids.map((id, index) => [id, index]));
  }

  /** Throws, naming it, for a question that no programme of the session reads. */
  question(id) {
    return this.indices.get(id) ?? this.engine.question(id);
  }

  questionId(index) {
    return this.ids[index] ?? null;
  }

  set(index, value) {
    const engine = this.engine;
    // Each kind of JS value to its own call, so that only numbers cross when they can;
    // anything else is read as `evaluate` reads it, and refused alike.
    switch (typeof value) {
      case 'boolean': return engine.setBool(index, value);
      case 'number':
        if (Number.isSafeInteger(value)) return engine.setInteger(index, value);
        return Number.isFinite(value) ? engine.setNumber(index, String(value)) : engine.setValue(index, value);
      case 'string': return engine.setText(index, value);
      default: return engine.setValue(index, value); // null and undefined clear

    }
  }

  answer(id, value) {
    this.set(this.question(id), value);
  }

  clear(index) {
    this.engine.setValue(index, null);
  }

  status(programme = 0) {
    return STATUS[this.engine.status(programme)];
  }

  nextQuestion() {
    return this.engine.nextQuestion();
  }

  report(programme = 0) {
    return this.engine.report(programme);
  }

  reports() {
    return this.engine.reports();
  }

  free() {
    this.engine.free();
  }
}

// The sessions behind `evaluate` and `nextQuestion`, by their list of programmes: a
// page asks about the same programmes again and again. Answers are cleared per call.
const sessions = new Map();
const SESSIONS_KEPT = 8;

function kept(programmes) {
  const key = typeof programmes === 'string' ? programmes
    : Array.isArray(programmes) && programmes.every((id) => typeof id === 'string') ? JSON.stringify(programmes) : null;
  let session = key === null ? undefined : sessions.get(key);
  if (!session) {
    session = new Session(programmes); // throws, as `evaluate` did, for what is not a list of known programmes
    if (sessions.size >= SESSIONS_KEPT) {
      const [oldest, dropped] = sessions.entries().next().value;
      sessions.delete(oldest);
      dropped.free();
    }
    sessions.set(key, session);
  }
  return session;
}

/** All the answers of `answers`, in its order, after clearing the session's; the first
 * problem throws. */
function answer(session, answers) {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new Error('answers must be an object: question id → value');
  }
  session.engine.reset();
  for (const id of Object.keys(answers)) session.set(session.question(id), answers[id]);
}

export function questions(programmes, { lang } = {}) {
  return engine.questions(programmes, lang);
}

export function programmes({ lang } = {}) {
  return engine.programmes(lang);
}

/** The class behind `<eligibility-widget>`, used by eligibility-widget.js. */
export const Widget = engine.Widget;
