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

export function evaluate(programmes, answers, options) {
  const { lang, today } = read(options);
  const session = kept(programmes);
  session.setOptions(lang, today);
  const given = answer(session, answers);
  // What would change each verdict is made when first read, for these answers and
  // these programmes (a copy: the caller's list may change meanwhile).
  const ids = session.several ? [...programmes] : programmes;
  const explain = (programme) => {
    // Read while an `evaluate()` gives its answers (a getter on the answers object),
    // a kept session is not to be touched: a session of its own, then.
    const again = giving ? new KeptSession(ids) : kept(ids);
    try {
      again.setOptions(lang, today);
      replay(again, given);
      return again.engine.changes(programme);
    } finally {
      if (giving) again.free();
    }
  };
  if (!session.several) return verdict(session, 0, explain);
  return Array.from({ length: session.programmes }, (_, programme) => verdict(session, programme, explain));
}

export function nextQuestion(programmes, answers) {
  const session = kept(programmes);
  answer(session, answers);
  return session.questionId(session.nextQuestion());
}

/** One programme's report from `engine.verdict`'s number and `engine.criteria`'s digits
 * (src/wasm/api.rs says how they are written): numbers cross, not texts, which the session
 * keeps from its start. Only `changes`, which evaluates the programme again once per
 * answer it tries, is made when first read, by `explain`. */
function verdict(session, programme, explain) {
  const engine = session.engine;
  const code = engine.verdict(programme);
  if (code === REFUSED) throw engine.refusal();
  const [id, opens, closes, version, hash, documents, texts] = session.facts(programme);
  const made = code & 16 ? unlessRefused(engine, engine.benefit(programme)) : null; // shared: copied below
  const benefit = made && { ...made };
  if (made?.kind === 'place') benefit.starts = [...made.starts];
  const status = code & 3;
  const report = {
    programme: id,
    status: STATUS[status],
    amount: benefit?.kind === 'money' ? { currency: benefit.currency, min: benefit.min, max: benefit.max } : null,
    benefit,
    next_question: session.ids[(code >> 8) - 1] ?? null,
    depends_on: code & 32 ? unlessRefused(engine, engine.dependsOn(programme)) : [],
    window: { opens, closes, state: WINDOW[(code >> 2) & 3] },
    criteria: criteria(engine, programme, texts),
  };
  if (report.next_question === null) {
    let changes;
    Object.defineProperty(report, EXPLAIN, { value: () => (changes ??= explain(programme)) });
    Object.defineProperty(report, 'changes', LAZY_CHANGES);
  } else {
    report.changes = []; // made only once nothing is left to ask (`Outcome::changes`)
  }
  report.before_applying = status === 0 ? documents.map((d) => ({ ...d, source: { ...d.source } })) : [];
  report.pack = { version, hash };
  return report;
}

/** What an engine call gave, or its refusal thrown: `undefined` from one that returns objects. */
function unlessRefused(engine, value) {
  if (value === undefined) throw engine.refusal();
  return value;
}

/** The report's criteria from `engine.criteria`'s digits and the texts of `facts`. */
function criteria(engine, programme, texts) {
  const list = [];
  let digits = 0;
  for (let i = 0; i < texts.length; i++) {
    if (i % 26 === 0 && (digits = engine.criteria(programme, i)) < 0) throw engine.refusal();
    const status = digits % 4;
    digits = (digits - status) / 4;
    if (status === 3) continue;
    const criterion = texts[i];
    list.push({ id: criterion[0], status: CRITERION[status], explanation: criterion[status + 1] });
  }
  return list;
}

// A report's `changes`, made when first read and then an ordinary property. Defined
// alike on every report, as V8 keeps such objects fast; the function that makes it is
// under a symbol no JSON, key list or deep comparison sees (not enumerable), which a
// Proxy (Vue's `reactive`), an object made from the report (`Object.create`) or a copy
// of its descriptors reach as well. A frozen or sealed report keeps the accessor, whose
// function makes its value once.
const EXPLAIN = Symbol('changes');
const LAZY_CHANGES = {
  get() {
    return settle(this, this[EXPLAIN]());
  },
  set(changes) {
    settle(this, changes);
  },
  enumerable: true,
  configurable: true,
};

function settle(report, changes) {
  try {
    Object.defineProperty(report, 'changes', { value: changes, writable: true, enumerable: true, configurable: true });
  } catch {
    // Frozen or sealed: it stays an accessor.
  }
  return changes;
}

/** What `engine.status` and `engine.verdict` return for a programme not in the session. */
const REFUSED = 2 ** 32 - 1;
const STATUS = ['eligible', 'not_eligible', 'undetermined'];
const WINDOW = ['upcoming', 'open', 'closed', 'unconfirmed'];
const CRITERION = ['met', 'not_met', 'unknown'];

/** A form kept compiled with the answers given so far, which takes them one at a time
 * (see index.d.ts). Questions and programmes are named by their index: `question(id)`. */
export class Session {
  constructor(programmes, options) {
    const { lang, today } = read(options);
    this.engine = new engine.Session(programmes, lang, today);
    this.several = Array.isArray(programmes);
    const questions = this.engine.questions();
    this.ids = questions.map(([id]) => id);
    this.indices = new Map(this.ids.map((id, index) => [id, index]));
    // Per question, its options' indices by id (null for a question that is no choice).
    this.options = questions.map(([, ids]) => ids && new Map(ids.map((id, index) => [id, index])));
    this.programmes = this.several ? programmes.length : 1;
    this.lang = lang;
    this.texts = new Map(); // by language: per programme, `engine.facts`
    this.known = 0; // the statuses known since the last answer changed (`set`)
  }

  /** `engine.facts(programme)` in the session's language, asked once. */
  facts(programme) {
    let facts = this.texts.get(this.lang);
    if (!facts) this.texts.set(this.lang, (facts = []));
    return (facts[programme] ??= this.engine.facts(programme));
  }

  /** Throws, naming it, for a question that no programme of the session reads. */
  question(id) {
    return this.indices.get(id) ?? this.engine.question(id);
  }

  questionId(index) {
    return this.ids[index] ?? null;
  }

  set(index, value) {
    at(index, this.ids.length, 'question');
    const engine = this.engine;
    // Each kind of JS value to its own call, so that only numbers cross when they can;
    // anything else is read as `evaluate` reads it, and refused alike. The calls that
    // take numbers and indices return 0 when they refused the value (`refusal()` says
    // why), else the statuses they leave known, which `status` reads without a call.
    this.known = 0;
    let taken;
    switch (typeof value) {
      case 'boolean':
        taken = engine.setBool(index, value);
        break;
      case 'number': {
        if (Number.isSafeInteger(value)) {
          taken = engine.setInteger(index, value);
          break;
        }
        if (!Number.isFinite(value)) return engine.setValue(index, value);
        // Below 2^43 hundredths, two numbers of hundredths are never the same double:
        // a double that is one, `cents / 100`, is written by JS as that very decimal.
        // Rounded, as `value * 100` is not always whole for one (14000.29 * 100 is
        // 1400028.9999999998); `cents / 100 === value` says whether it was one.
        const cents = Math.round(value * 100);
        if (!(Number.isSafeInteger(cents) && Math.abs(cents) < 2 ** 43 && cents / 100 === value)) return engine.setNumber(index, String(value));
        taken = engine.setCents(index, cents);
        break;
      }
      case 'string': {
        const option = this.options[index]?.get(value);
        if (option === undefined) return engine.setText(index, value);
        taken = engine.choose(index, option);
        break;
      }
      default:
        if (value !== null && value !== undefined) return engine.setValue(index, value);
        taken = engine.clear(index);
    }
    if (!taken) throw engine.refusal();
    this.known = taken;
  }

  answer(id, value) {
    this.set(this.question(id), value);
  }

  clear(index) {
    this.set(index, null);
  }

  status(programme = 0) {
    at(programme, this.programmes, 'programme');
    // Two bits per programme from bit 1, for the first 15: 0 not known, else the status
    // plus one (`took` in src/wasm/api.rs). Anything else is asked.
    if (programme < 15) {
      const known = (this.known >>> (2 * programme + 1)) & 3;
      if (known !== 0) return STATUS[known - 1];
    }
    const status = this.engine.status(programme);
    if (status === REFUSED) throw this.engine.refusal();
    return STATUS[status];
  }

  nextQuestion() {
    return this.engine.nextQuestion();
  }

  report(programme = 0) {
    at(programme, this.programmes, 'programme');
    const report = verdict(this, programme, () => this.engine.changes(programme));
    void report.changes; // made now: the session's answers may change before it is read
    return report;
  }

  reports() {
    return Array.from({ length: this.programmes }, (_, programme) => this.report(programme));
  }

  free() {
    this.known = 0; // a freed session's calls throw, `status` included
    const engine = this.engine;
    this.engine = FREED;
    if (engine !== FREED) engine.free(); // a second call frees nothing more
  }
}

/** Throws, naming it as given, for what is not the index of one of `count` questions
 * or programmes: wasm-bindgen would read `NaN`, `1.5` or `2 ** 32 + 1` as another. */
function at(index, count, what) {
  if (index >>> 0 === index && index < count) return;
  const given = typeof index === 'string' ? JSON.stringify(index) : shown(index);
  const hint = typeof index === 'string' && what === 'question' ? ' (question(id) gives its index)' : '';
  throw new Error(`no ${what} at index ${given} in this session${hint}`);
}

/** The options `lang` and `today`, or an Error naming the one that is not a text. */
function read(options) {
  const { lang, today } = options ?? {};
  if (lang != null && typeof lang !== 'string') throw new Error(`option \`lang\` must be fr or en, got ${shown(lang)}`);
  if (today != null && typeof today !== 'string') throw new Error(`option \`today\` must be a day written YYYY-MM-DD, got ${shown(today)}`);
  return { lang: lang ?? undefined, today: today ?? undefined };
}

/** A value that is not a text, as a message names it: `12`, `undefined`, `a Date`. */
function shown(value) {
  if (value === null || !['object', 'function', 'symbol'].includes(typeof value)) return String(value);
  const name = typeof value === 'object' ? Object.prototype.toString.call(value).slice(8, -1) : typeof value;
  return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name}`;
}

/** A freed session's engine: any call throws, saying so (wasm-bindgen's own error
 * would say "null pointer passed to rust"). What JSON, promises and consoles look up
 * on any object reads as absent. */
const FREED = new Proxy({}, {
  get(_, key) {
    if (typeof key === 'symbol' || key === 'toJSON' || key === 'then') return undefined;
    throw new Error('this session was freed (free()): make a new one');
  },
});

/** A session behind `evaluate` and `nextQuestion`, which also knows the answers it
 * holds as they were given, and takes new options. */
class KeptSession extends Session {
  constructor(programmes) {
    super(programmes);
    this.engine.returnStatuses(false); // a verdict is read whole, after all the answers
    this.given = new Array(this.ids.length).fill(undefined);
    this.marks = new Array(this.ids.length).fill(0); // see `answer`
    this.calls = 0;
    this.today = undefined;
    this.midnight = 0; // the day is read at the first call
  }

  /** The language of reports and the day their windows are read on, as `evaluate`
   * takes them; they cross only when they changed. Without a day, the visitor's: their
   * clock is read again at the first call past midnight, unless no later day can change
   * a window's state (all closed, say), when it is read no more. */
  setOptions(lang, today) {
    if (lang === this.lang && today === this.today && (this.midnight === Infinity || Date.now() < this.midnight)) return;
    // Throws, naming it, for a bad one; without a day, the engine reads the clock.
    const final = this.engine.setOptions(lang, today);
    this.lang = lang;
    this.today = today;
    this.midnight = today === undefined && !final ? nextMidnight() : Infinity;
  }
}

// The sessions behind `evaluate` and `nextQuestion`, by their list of programmes: a
// page asks about the same programmes again and again, mostly with the same answers.
const sessions = new Map();
const SESSIONS_KEPT = 8;

function kept(programmes) {
  const key = typeof programmes === 'string' ? programmes
    : Array.isArray(programmes) && programmes.every((id) => typeof id === 'string') ? JSON.stringify(programmes) : null;
  let session = key === null ? undefined : sessions.get(key);
  if (!session) {
    session = new KeptSession(programmes); // throws, as `evaluate` did, for what is not a list of known programmes
    if (sessions.size >= SESSIONS_KEPT) {
      const [oldest, dropped] = sessions.entries().next().value;
      sessions.delete(oldest);
      dropped.free();
    }
    sessions.set(key, session);
  }
  return session;
}

/** The answers of `answers` given to the session, in their order: only those that
 * changed since its last call cross, and those no longer given are cleared. The first
 * problem throws, naming the question. Returns the answers by question index. */
function answer(session, answers) {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new Error('answers must be an object: question id → value');
  }
  // A Map, a Date, a Set… would give none of their entries as keys: refused, not read as no answer.
  const proto = Object.getPrototypeOf(answers);
  if (proto !== Object.prototype && proto !== null && Object.prototype.toString.call(answers) !== '[object Object]') {
    throw new Error(`answers must be an object: question id → value, not ${shown(answers)}${answers instanceof Map ? ' (Object.fromEntries(map) makes one)' : ''}`);
  }
  // The questions answered in this call are marked with its number.
  const call = ++session.calls;
  const marks = session.marks;
  giving += 1;
  try {
    for (const id of Object.keys(answers)) {
      const index = session.question(id);
      marks[index] = call;
      give(session, index, answers[id]);
    }
  } finally {
    giving -= 1;
  }
  for (let index = 0; index < marks.length; index++) {
    if (marks[index] !== call) give(session, index, undefined);
  }
  return session.given.slice();
}

/** How many `answer` calls are reading an answers object, whose getters or Proxy traps
 * are the caller's code, which may read an earlier report's `changes`. */
let giving = 0;

/** The session's answers made `given`'s, by question index. */
function replay(session, given) {
  for (let index = 0; index < given.length; index++) give(session, index, given[index]);
}

/** `session.given` is what the session holds: it changes only once the engine took a value. */
function give(session, index, value) {
  if (value !== session.given[index]) {
    session.set(index, value);
    session.given[index] = value;
  }
}

function nextMidnight() {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
}

export function questions(programmes, options) {
  return engine.questions(programmes, read(options).lang);
}

export function programmes(options) {
  return engine.programmes(read(options).lang);
}

/** The class behind `<eligibility-widget>`, used by eligibility-widget.js. */
export const Widget = engine.Widget;
