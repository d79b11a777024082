// Our evaluate() against three JavaScript rule engines, side by side in one Node
// process: `node bench/peers.mjs` (after `scripts/build.sh`; `make bench` runs it).
//
// Ours is the ES module of www/dist, so the same .wasm the browser loads. The peers
// (dev dependencies of the bench only) are given the same Netflix–Audiens rules, written
// in each one's own language below, and must first pass the same scenario checks
// (tests/scenarios/netflix-audiens-2020.toml), then agree with ours on every answer set
// timed. Only then is anything timed: each engine evaluates the same fixed, seeded
// answer sets (SETS distinct ones, default 10,000), in rounds where the engines take
// turns on slices of the sets (WARMUP rounds first, not counted); the table gives the
// median of ROUNDS rounds in ns per evaluation and the median ratio to ours. Timings
// are for comparing within one run only.
//
// What each engine computes per call (see BENCHMARKS.md):
//   ours               the whole report of `eligibility eval`: every answer checked against
//                      its question (type, bounds, options), exact decimals, three-valued
//                      criteria with their explanations, status, amount range, benefit,
//                      window on the visitor's day, the next question worth asking, pack
//                      version and hash, returned as a JS object.
//   json-logic-js      status (three-valued, by explicit null tests) and the amount as
//                      [min, max], one rule; numbers are binary floats.
//   zen-engine-wasm    the same as json-logic-js, as one ZEN expression (decimals inside,
//                      but it is given JS numbers); its API takes the expression's text per call.
//   json-rules-engine  four rules (out, met, the two amount tiers) whose events a few lines of JS
//                      turn into status and amount; asynchronous; floats.
// None of the peers checks answers, explains, or knows a next question.
//
// Also timed, not peers: our Session (one visitor's answers kept in WebAssembly) walking
// through the same sets in order, given from each set to the next only the answers that
// differ, per changed answer; and, with BASELINES="label=dir,…", evaluate() and the
// session of other builds of www/dist (an earlier commit's, or bench/cold.sh's, which
// remembers nothing by regions), to measure a change in one run.
import { readFile } from 'node:fs/promises';
import { parse } from 'smol-toml';
import jsonLogic from 'json-logic-js';
import { Engine } from 'json-rules-engine';
import initZen, { evaluateExpression } from '@gorules/zen-engine-wasm';
import * as ours from '../www/dist/index.js';
import { check, expectedAmount, outcomeOf, usesTomlFloat, DEFAULT_DAY } from '../tests/e2e/harness.mjs';
import { answerSets, SEED } from './answer-sets.mjs';

const SETS = Number(process.env.SETS ?? 10_000);
const BASELINES = (process.env.BASELINES ?? '').split(',').filter(Boolean).map((item) => item.split('='));
const ROUNDS = Number(process.env.ROUNDS ?? 9);
const WARMUP = Number(process.env.WARMUP ?? 2);
const PROGRAMME = 'netflix-audiens-2020';

// ---------------------------------------------------------------- the rules, per peer
// The pack's criteria, each three-valued: known met, known not met, or unknown.
//   status              profession in [artist, technician]
//   unemployment_rights rights_not_renewed_since_2020 or no_rights_opened_2019
//   minimum_work        days_worked >= 12
//   not_on_netflix      not works_on_netflix_production
//   country             (only when the page tells it) country = fr
// Any criterion not met: not_eligible, no amount. All met: eligible. Else undetermined.
// Amount: 900 when annual_resources <= 15000, 500 above, 500..900 while unknown.

const jsonLogicRule = (() => {
  const v = (name) => ({ var: name });
  const out = { or: [
    { and: [{ '!=': [v('profession'), null] }, { '!': { in: [v('profession'), ['artist', 'technician']] } }] },
    { and: [{ '===': [v('rights_not_renewed_since_2020'), false] }, { '===': [v('no_rights_opened_2019'), false] }] },
    { and: [{ '!=': [v('days_worked'), null] }, { '<': [v('days_worked'), 12] }] },
    { '===': [v('works_on_netflix_production'), true] },
    { '==': [v('country'), 'other'] },
  ] };
  const met = { and: [
    { in: [v('profession'), ['artist', 'technician']] },
    { or: [{ '===': [v('rights_not_renewed_since_2020'), true] }, { '===': [v('no_rights_opened_2019'), true] }] },
    { and: [{ '!=': [v('days_worked'), null] }, { '>=': [v('days_worked'), 12] }] },
    { '===': [v('works_on_netflix_production'), false] },
  ] };
  const unknown = { '==': [v('annual_resources'), null] };
  const low = { '<=': [v('annual_resources'), 15000] };
  const min = { if: [unknown, 500, low, 900, 500] };
  const max = { if: [unknown, 900, low, 900, 500] };
  // An array in a rule is evaluated element by element: [status, min, max].
  return { if: [out, ['not_eligible', null, null], met, ['eligible', min, max], ['undetermined', min, max]] };
})();

const zenExpression = (() => {
  const out = "(profession != null and not (profession in ['artist', 'technician']))"
    + ' or (rights_not_renewed_since_2020 == false and no_rights_opened_2019 == false)'
    + ' or (days_worked != null and days_worked < 12)'
    + " or works_on_netflix_production == true or country == 'other'";
  const met = "profession in ['artist', 'technician']"
    + ' and (rights_not_renewed_since_2020 == true or no_rights_opened_2019 == true)'
    + ' and days_worked != null and days_worked >= 12 and works_on_netflix_production == false';
  const min = 'annual_resources == null ? 500 : (annual_resources <= 15000 ? 900 : 500)';
  const max = 'annual_resources == null ? 900 : (annual_resources <= 15000 ? 900 : 500)';
  return `${out} ? { status: 'not_eligible', min: null, max: null }`
    + ` : { status: ${met} ? 'eligible' : 'undetermined', min: ${min}, max: ${max} }`;
})();

function jsonRulesEngine() {
  // Unanswered questions are facts left undefined; the numeric operators refuse them
  // (false), and `equal` compares strictly, so no extra test is needed for those.
  const engine = new Engine([], { allowUndefinedFacts: true });
  const f = (fact, operator, value) => ({ fact, operator, value });
  engine.addRule({ name: 'out', event: { type: 'out' }, conditions: { any: [
    { all: [f('profession', 'notEqual', undefined), f('profession', 'notIn', ['artist', 'technician'])] },
    { all: [f('rights_not_renewed_since_2020', 'equal', false), f('no_rights_opened_2019', 'equal', false)] },
    f('days_worked', 'lessThan', 12),
    f('works_on_netflix_production', 'equal', true),
    f('country', 'equal', 'other'),
  ] } });
  engine.addRule({ name: 'met', event: { type: 'met' }, conditions: { all: [
    f('profession', 'in', ['artist', 'technician']),
    { any: [f('rights_not_renewed_since_2020', 'equal', true), f('no_rights_opened_2019', 'equal', true)] },
    f('days_worked', 'greaterThanInclusive', 12),
    f('works_on_netflix_production', 'equal', false),
  ] } });
  engine.addRule({ name: '900', event: { type: '900' }, conditions: { all: [f('annual_resources', 'lessThanInclusive', 15000)] } });
  engine.addRule({ name: '500', event: { type: '500' }, conditions: { all: [f('annual_resources', 'greaterThan', 15000)] } });
  return engine;
}

/** json-rules-engine's events as a verdict: the JS a user of it would write. */
function fromEvents(events) {
  let out = false, met = false, amount = null;
  for (const { type } of events) {
    if (type === 'out') out = true;
    else if (type === 'met') met = true;
    else amount = Number(type);
  }
  if (out) return { status: 'not_eligible', min: null, max: null };
  return { status: met ? 'eligible' : 'undetermined', min: amount ?? 500, max: amount ?? 900 };
}

// ---------------------------------------------------------------- the engines

await initZen({ module_or_path: await readFile(new URL('../node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm', import.meta.url)) });
const rulesEngine = jsonRulesEngine();

/** Each engine: how to call it (the timed part), and its result as { status, min, max }
 * (min and max numbers, or null when not eligible) for the checks. */
const engines = [
  {
    name: 'ours: evaluate(programme, answers)',
    short: 'ours',
    call: (answers) => ours.evaluate(PROGRAMME, answers),
    verdict: (report) => ({ status: report.status, min: report.amount && Number(report.amount.min), max: report.amount && Number(report.amount.max) }),
  },
  {
    name: 'json-logic-js: apply(rule, answers)',
    short: 'json-logic-js',
    call: (answers) => jsonLogic.apply(jsonLogicRule, answers),
    verdict: ([status, min, max]) => ({ status, min, max }),
  },
  {
    name: '@gorules/zen-engine-wasm: evaluateExpression(expression, answers)',
    short: 'zen-engine-wasm',
    call: (answers) => evaluateExpression(zenExpression, answers),
    verdict: ({ status, min, max }) => ({ status, min, max }),
  },
  {
    name: 'json-rules-engine: await run(answers), events read',
    short: 'json-rules-engine',
    async: true,
    call: async (answers) => fromEvents((await rulesEngine.run(answers)).events),
    verdict: (v) => v,
  },
];

// ---------------------------------------------------------------- scenario checks

const scenarioFile = parse(await readFile(new URL('../tests/scenarios/netflix-audiens-2020.toml', import.meta.url), 'utf8'));
const scenarios = scenarioFile.scenarios;

// Ours: every scenario, in full (errors, next question, window), as the e2e tests do,
// but those that give a TOML float: it has no JavaScript counterpart to refuse (see
// usesTomlFloat in tests/e2e/harness.mjs), so they are left to the native suite.
const ourCases = scenarios.filter((scenario) => !usesTomlFloat(scenario))
  .map((scenario) => ({ file: 'netflix-audiens-2020.toml', programmes: [PROGRAMME], single: true, today: scenario.today ?? DEFAULT_DAY, scenario }));
const ourProblems = ourCases.flatMap((case_) => check(case_, outcomeOf(ours, case_)));
if (ourProblems.length) fail('ours', ourProblems);

// Peers: status and amount of every scenario that is not an expected error. Complete
// answers (the form asks nothing more) must all pass; partial ones too, except where a
// binary float cannot hold an answer (the peers are given JS numbers).
const peerCases = scenarios.filter((s) => !s.error).map((scenario) => {
  const answers = {};
  let exact = true;
  for (const [id, value] of Object.entries(scenario.answers ?? {})) {
    // "I don't know": no answer to the peers' rules, as to ours.
    if (value === 'unknown') continue;
    const number = typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    if (typeof value === 'string' && number !== value && String(number) !== value) exact = false;
    answers[id] = number;
  }
  return { scenario, answers, exact, complete: scenario.next_question === 'none' };
});
const skipped = peerCases.filter((c) => !c.exact);
if (skipped.some((c) => c.complete)) fail('the peers', skipped.filter((c) => c.complete).map((c) => `${c.scenario.name}: complete answers that a float cannot hold`));
for (const engine of engines.slice(1)) {
  const problems = [];
  for (const { scenario, answers, exact } of peerCases) {
    if (!exact) continue;
    const got = engine.verdict(await engine.call(answers));
    const amount = expectedAmount(scenario.amount);
    const want = { status: scenario.status, min: amount && Number(amount.min), max: amount && Number(amount.max) };
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${scenario.name}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  if (problems.length) fail(engine.short, problems);
}
const complete = peerCases.filter((c) => c.complete).length;
const errors = ourCases.filter((c) => c.scenario.error).length;
console.log(`Scenario checks passed: ours on ${ourCases.length} of the ${scenarios.length} scenarios in full (status, amount, next question, window, and ${errors} expected errors;`
  + ` left out: ${scenarios.length - ourCases.length} giving a TOML float, which JS cannot give);`
  + ` each peer on ${peerCases.length - skipped.length} of the ${peerCases.length} without an expected error`
  + ` (status and amount; all ${complete} with complete answers),`
  + ` skipping ${skipped.length} whose answers a binary float cannot hold: ${skipped.map((c) => `"${c.scenario.name}"`).join(', ')}.`);

function fail(who, problems) {
  console.error(`${who} fails the scenario checks, nothing is timed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

// ---------------------------------------------------------------- seeded answer sets

const workloads = answerSets(SETS);

// Every peer must give our status and amount on every set timed.
for (const { name, sets } of workloads) {
  const tally = {};
  const expected = sets.map((answers) => engines[0].verdict(engines[0].call(answers)));
  for (const v of expected) tally[v.status] = (tally[v.status] ?? 0) + 1;
  for (const engine of engines.slice(1)) {
    for (const [i, answers] of sets.entries()) {
      const got = engine.verdict(await engine.call(answers));
      if (JSON.stringify(got) !== JSON.stringify(expected[i])) {
        fail(engine.short, [`${name}, set ${i} ${JSON.stringify(answers)}: got ${JSON.stringify(got)}, ours ${JSON.stringify(expected[i])}`]);
      }
    }
  }
  console.log(`${name}: ${sets.length} distinct sets (seed ${SEED.toString(16)}), ${Object.entries(tally).map(([s, n]) => `${n} ${s}`).join(', ')}; every peer agrees with ours on each.`);
}

// ---------------------------------------------------------------- the session

// A session walks through the sets in order, as one visitor changing their mind: from
// each set to the next (the last before the first), only the answers that differ are
// given, a value or null for one the next set leaves out. Per set: [question index, value].
const walkSession = new ours.Session(PROGRAMME);
const questionIds = [...new Set(workloads.flatMap((w) => w.sets.flatMap((set) => Object.keys(set))))];
const walks = workloads.map(({ sets }) => sets.map((answers, i) => {
  const before = sets[(i + sets.length - 1) % sets.length];
  return questionIds.filter((id) => !Object.is(before[id] ?? null, answers[id] ?? null))
    .map((id) => [walkSession.question(id), answers[id] ?? null]);
}));
walkSession.free();
const sessions = workloads.map(({ sets }) => {
  const session = new ours.Session(PROGRAMME);
  for (const [id, value] of Object.entries(sets[sets.length - 1])) session.answer(id, value);
  return session;
});
// Checked before any timing: after each set's changes, the session's report is the one
// evaluate() gives for the set.
for (const [w, { name, sets }] of workloads.entries()) {
  const session = new ours.Session(PROGRAMME);
  for (const [id, value] of Object.entries(sets[sets.length - 1])) session.answer(id, value);
  for (const [i, answers] of sets.entries()) {
    for (const [index, value] of walks[w][i]) session.set(index, value);
    const [got, want] = [JSON.stringify(session.report()), JSON.stringify(ours.evaluate(PROGRAMME, answers))];
    if (got !== want) fail('the session', [`${name}, set ${i}: ${got}, evaluate() ${want}`]);
  }
  session.free();
  const changes = walks[w].reduce((n, c) => n + c.length, 0);
  console.log(`${name}: the session walk gives ${changes} changed answers (${(changes / sets.length).toFixed(2)} a set); its report equals evaluate()'s after every set.`);
}
/** The session's walk with the verdict read after each changed answer. */
function statusWalk(session, changes) {
  let status;
  for (let k = 0; k < changes.length; k += 1) {
    session.set(changes[k][0], changes[k][1]);
    status = session.status();
  }
  return status ?? '';
}
// Other builds: their evaluate(), and their session's walk when they have a Session.
const baselines = (await Promise.all(BASELINES.map(async ([label, dir]) => {
  const module = await import(new URL(`${dir.replace(/\/?$/, '/')}index.js`, `file://${process.cwd()}/`));
  const rows = [{ name: `ours (${label}): evaluate(programme, answers)`, short: label, call: (answers) => module.evaluate(PROGRAMME, answers) }];
  if (module.Session) {
    const own = workloads.map(({ sets }) => {
      const session = new module.Session(PROGRAMME);
      for (const [id, value] of Object.entries(sets[sets.length - 1])) session.answer(id, value);
      return session;
    });
    rows.push({ name: `ours (${label}): a Session, per changed answer: set(question, value), status()`, short: `${label}, session`, perChange: true, sessions: own, walk: statusWalk });
  }
  return rows;
}))).flat();

// ---------------------------------------------------------------- timing

let sink = 0;
/** Nanoseconds for one engine over sets[from, to) of workload w. */
async function timeSlice(engine, w, sets, from, to) {
  const { call } = engine;
  if (engine.walk) {
    const [session, changes] = [(engine.sessions ?? sessions)[w], walks[w]];
    const start = process.hrtime.bigint();
    for (let i = from; i < to; i += 1) if (engine.walk(session, changes[i]) === undefined) sink += 1;
    return Number(process.hrtime.bigint() - start);
  }
  const start = process.hrtime.bigint();
  if (engine.async) {
    for (let i = from; i < to; i += 1) if ((await call(sets[i])) === undefined) sink += 1;
  } else {
    for (let i = from; i < to; i += 1) if (call(sets[i]) === undefined) sink += 1;
  }
  return Number(process.hrtime.bigint() - start);
}

const timed = [
  ...engines,
  // Not a peer: what the same call costs without its report (no report strings, no serde
  // into a JS object): reading the answers, evaluating, choosing the next question.
  { name: 'ours: nextQuestion(programme, answers)', short: 'ours, nextQuestion', call: (answers) => ours.nextQuestion(PROGRAMME, answers) },
  // Per changed answer (see `walks`): the verdict only, as a page showing a status reads it.
  {
    name: 'ours: a Session, per changed answer: set(question, value), status()',
    short: 'session',
    perChange: true,
    walk: statusWalk,
  },
  // The same with all that evaluate() gives: the next question and the report (explanations).
  {
    name: 'ours: a Session, per changed answer: set, status(), nextQuestion(), report()',
    short: 'session, all',
    perChange: true,
    walk: (session, changes) => {
      let report;
      for (let k = 0; k < changes.length; k += 1) {
        session.set(changes[k][0], changes[k][1]);
        session.status();
        session.nextQuestion();
        report = session.report();
      }
      return report ?? '';
    },
  },
  ...baselines,
];
// A round is one pass of every engine over every set. The sets are taken in SLICES
// slices, and the engines in turn on each slice (in a rotating order), so that a burst
// of load from elsewhere on the machine falls on all of them alike; ratios are taken
// within each round, then their median.
const SLICES = 10;
const results = new Map(timed.map((e) => [e, workloads.map(() => [])]));
for (let r = 0; r < WARMUP + ROUNDS; r += 1) {
  for (const [w, { sets }] of workloads.entries()) {
    const totals = new Map(timed.map((e) => [e, 0]));
    for (let s = 0; s < SLICES; s += 1) {
      const [from, to] = [Math.floor((s * sets.length) / SLICES), Math.floor(((s + 1) * sets.length) / SLICES)];
      for (let k = 0; k < timed.length; k += 1) {
        const engine = timed[(k + r + s) % timed.length];
        totals.set(engine, totals.get(engine) + (await timeSlice(engine, w, sets, from, to)));
      }
    }
    const changes = walks[w].reduce((n, c) => n + c.length, 0);
    if (r >= WARMUP) for (const [engine, total] of totals) results.get(engine)[w].push(total / (engine.perChange ? changes : sets.length));
  }
}
if (sink) throw new Error('an engine returned nothing');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ns = (value) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} µs` : `${Math.round(value).toLocaleString('en')} ns`);
const oursRounds = results.get(engines[0]);
console.log(`\nns per evaluation: median of ${ROUNDS} rounds after ${WARMUP} of warm-up, fastest round in brackets;`
  + ' "× ours" is the engine\'s time over ours, the median of the rounds\' ratios: below 1, faster than ours.\n');
console.log(`| engine | ${workloads.map((w) => `${w.name} | × ours`).join(' | ')} |`);
console.log(`|---|${workloads.map(() => '---:|---:').join('|')}|`);
for (const engine of timed) {
  const cells = results.get(engine).map((values, w) => {
    const ratios = values.map((v, r) => v / oursRounds[w][r]);
    return `${ns(median(values))} (${ns(Math.min(...values))}) | ${median(ratios).toFixed(2)}×`;
  });
  console.log(`| ${engine.name} | ${cells.join(' | ')} |`);
}
console.log('\nThe session rows are per changed answer, the others per evaluation; their "× ours" is a changed'
  + ' answer\'s time over one evaluate() (issue 7 asks for 0.10× or less).');
console.log(`Node ${process.versions.node}, V8 ${process.versions.v8}; json-logic-js ${await version('json-logic-js')},`
  + ` json-rules-engine ${await version('json-rules-engine')}, @gorules/zen-engine-wasm ${await version('@gorules/zen-engine-wasm')}.`);

async function version(name) {
  const file = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  return JSON.parse(await readFile(file, 'utf8')).version;
}
