// The JS API's Session against evaluate(): for every scenario file, answers given one
// at a time (and in other orders, with changes of mind) must end in the reports and the
// next question that evaluate() and nextQuestion() give for the same answers, and a bad
// answer must be refused with evaluate()'s own message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../www/dist/index.js';
import { builtinCases } from './harness.mjs';

/** evaluate()'s reports (always a list) and next question, or its error's message. */
function evaluated({ programmes, single, today, scenario }, answers, lang) {
  try {
    const reports = api.evaluate(single ? programmes[0] : programmes, answers, { lang, today });
    return { reports: single ? [reports] : reports, next: api.nextQuestion(programmes, answers) };
  } catch (error) {
    return { error: error.message };
  }
}

/** The same through a session, the answers given one by one in `order`, each status
 * read as it comes (so that later answers change outcomes the session kept). */
function walked({ programmes, single, today }, entries, lang) {
  const session = new api.Session(single ? programmes[0] : programmes, { lang, today });
  try {
    for (const [id, value] of entries) {
      session.answer(id, value);
      programmes.forEach((_, p) => session.status(p));
      session.nextQuestion();
    }
    const reports = single ? [session.report()] : session.reports();
    const statuses = programmes.map((_, p) => session.status(p));
    assert.deepEqual(statuses, reports.map((r) => r.status), 'status() and the reports agree');
    return { reports, next: session.questionId(session.nextQuestion()) };
  } catch (error) {
    return { error: error.message };
  } finally {
    session.free();
  }
}

test('a session gives evaluate()\'s reports and next question for every scenario, in any order', async () => {
  let compared = 0;
  let refused = 0;
  const all = await builtinCases(api);
  for (const c of all) {
    const answers = c.scenario.answers ?? {};
    const entries = Object.entries(answers);
    for (const lang of ['fr', 'en']) {
      const expected = evaluated(c, answers, lang);
      const where = `${c.file}: ${c.scenario.name} (${lang})`;
      assert.deepEqual(walked(c, entries, lang), expected, where);
      if (expected.error) {
        refused += 1;
        continue;
      }
      // Backwards; and after another scenario's answers, as a visitor who changes their
      // mind: what this one does not answer is cleared (null), the rest overwritten.
      assert.deepEqual(walked(c, [...entries].reverse(), lang), expected, `${where}, backwards`);
      const other = all.filter((x) => x.file === c.file && !x.scenario.error && x !== c)[compared % 7] ?? c;
      const before = Object.entries(other.scenario.answers ?? {});
      const cleared = before.filter(([id]) => !(id in answers)).map(([id]) => [id, null]);
      assert.deepEqual(walked(c, [...before, ...entries, ...cleared], lang), expected, `${where}, after ${other.scenario.name}`);
      compared += 1;
    }
  }
  assert.ok(compared >= 150 && refused >= 10, `${compared} compared, ${refused} refused`);
});

test('the comparison can fail: one answer left out changes what a session gives', async () => {
  const c = (await builtinCases(api)).find((x) => x.single && !x.scenario.error && Object.keys(x.scenario.answers ?? {}).length >= 3);
  const entries = Object.entries(c.scenario.answers);
  assert.notDeepEqual(walked(c, entries.slice(1), 'en'), evaluated(c, c.scenario.answers, 'en'));
});

test('a session takes answers by index, keeps what it was given, and refuses like evaluate()', () => {
  const session = new api.Session('netflix-audiens-2020', { lang: 'en', today: '2020-04-15' });
  const days = session.question('days_worked');
  assert.equal(session.questionId(days), 'days_worked');
  assert.equal(session.status(), 'undetermined');
  session.set(days, 3);
  assert.equal(session.status(), 'not_eligible');
  assert.equal(session.nextQuestion(), -1);
  assert.equal(session.questionId(-1), null);
  session.set(days, '12');
  session.answer('profession', 'artist');
  assert.equal(session.status(), 'undetermined');
  assert.equal(session.questionId(session.nextQuestion()), 'rights_not_renewed_since_2020');
  // Refused: the message is evaluate()'s, and the answer before stays.
  const message = (f) => { try { f(); } catch (error) { return error.message; } return 'no error'; };
  assert.equal(message(() => session.set(days, 400)), message(() => api.evaluate('netflix-audiens-2020', { days_worked: 400 })));
  assert.match(message(() => session.set(days, 400)), /question `days_worked` expects a whole number from 0 to 366, got 400/);
  assert.match(message(() => session.answer('nope', 1)), /unknown question `nope` in programme `netflix-audiens-2020`/);
  assert.match(message(() => session.answer('profession', 'dancer')), /no option `dancer`/);
  assert.match(message(() => session.set(days, NaN)), /question `days_worked` expects a whole number.*got NaN/);
  assert.match(message(() => session.set(days, [12])), /got a list/);
  assert.match(message(() => session.set(99, true)), /no question at index 99/);
  // What wasm-bindgen would read as another index is refused, named as given.
  for (const [index, shown] of [[NaN, 'NaN'], [undefined, 'undefined'], [1.5, '1.5'], [2 ** 32 + 1, '4294967297'], [-1, '-1']]) {
    assert.equal(message(() => session.set(index, 'other')), `no question at index ${shown} in this session`);
  }
  assert.equal(message(() => session.set('profession', 'artist')), 'no question at index "profession" in this session (question(id) gives its index)');
  for (const programme of ['x', 0.9, -1, NaN]) assert.match(message(() => session.status(programme)), /^no programme at index /);
  assert.match(message(() => session.report(0.5)), /^no programme at index 0.5 /);
  // The engine's typed calls, given what the module never sends, read it as evaluate() would.
  // They return 0 when they refuse it, and `refusal()` gives the error once.
  assert.equal(session.engine.setInteger(days, 12.5), 0);
  assert.match(session.engine.refusal().message, /got 12.5$/);
  assert.equal(session.engine.setCents(days, NaN), 0);
  assert.match(session.engine.refusal().message, /got NaN$/);
  assert.match(session.engine.refusal().message, /nothing was refused/);
  assert.match(message(() => session.clear(99)), /no question at index 99/);
  assert.equal(session.engine.clear(99), 0);
  assert.match(session.engine.refusal().message, /no question at index 99/);
  assert.match(message(() => session.status(1)), /no programme at index 1/);
  assert.match(message(() => session.report(1)), /no programme at index 1/);
  // Each call that reads a programme says "refused" in its own way, and keeps the error.
  for (const [call, refused] of [['verdict', 2 ** 32 - 1], ['status', 2 ** 32 - 1], ['criteria', -1], ['benefit', undefined], ['dependsOn', undefined]]) {
    assert.equal(session.engine[call](1, 0), refused, call);
    assert.match(session.engine.refusal().message, /no programme at index 1/, call);
  }
  assert.equal(session.report().criteria.find((c) => c.id === 'minimum_work').status, 'met');
  session.clear(days);
  assert.equal(session.report().criteria.find((c) => c.id === 'minimum_work').status, 'unknown');
  // Exact decimals, as in evaluate().
  const resources = session.question('annual_resources');
  session.set(resources, 15000.001);
  assert.equal(session.report().amount.max, '500');
  session.set(resources, 15000);
  assert.equal(session.report().amount.min, '900');
  session.free();
  // Freed: each call says so, where wasm-bindgen would say "null pointer passed to rust".
  for (const call of [() => session.status(), () => session.set(days, 12), () => session.report(), () => session.nextQuestion()]) {
    assert.match(message(call), /^this session was freed \(free\(\)\): make a new one$/);
  }
  assert.equal(session.questionId(days), 'days_worked', 'what the module knows without the engine still answers');
  assert.doesNotThrow(() => JSON.stringify(session));
  assert.doesNotThrow(() => session.free(), 'a second free() frees nothing more');
  assert.throws(() => new api.Session('nope'), /unknown programme `nope`/);
  assert.throws(() => new api.Session('netflix-audiens-2020', { lang: 'de' }), /unknown language `de`/);
  // A form: country first when it routes; reports() one per programme, in order.
  const form = new api.Session(['netflix-audiens-2020', 'uk-film-tv-emergency-relief-2020']);
  assert.equal(form.questionId(form.nextQuestion()), 'country');
  form.answer('country', 'gb');
  assert.deepEqual(form.reports().map((r) => r.programme), ['netflix-audiens-2020', 'uk-film-tv-emergency-relief-2020']);
  assert.equal(form.status(0), 'not_eligible');
  form.free();
});

test('status() reads what a changed answer left known, the same as evaluate() gives', () => {
  // A form of four programmes; a seeded walk of changes of mind over its answers, each
  // status read after each change (refused ones too) against evaluate(), whose kept
  // sessions do not ask for the statuses known.
  const ids = ['netflix-audiens-2020', 'uk-film-tv-emergency-relief-2020', 'audiens-fonds-solidarite-2020', 'collectif-5050-mentorat-2021'];
  const values = { yes_no: [true, false], integer: [0, 3, 11, 12, 13, 30, 400], money: [0, 800.5, 14999.99, 15000, 15000.01] };
  const choices = Object.fromEntries(api.questions(ids).map((q) => [q.id, [...(q.options ?? values[q.type]), 'unknown', null]]));
  const session = new api.Session(ids);
  let seed = 7;
  const pick = (list) => list[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % list.length];
  const given = {};
  // The engine's `status` call, counted: a status known from the change is read without it.
  const status = session.engine.status.bind(session.engine);
  let asked = 0;
  session.engine.status = (p) => (asked += 1, status(p));
  let [read, refused] = [0, 0];
  for (let step = 0; step < 400; step++) {
    const id = pick(Object.keys(choices));
    const value = pick(choices[id]);
    try {
      session.answer(id, value);
      given[id] = value;
    } catch {
      refused += 1; // 400 days: the answer before stays
    }
    const expected = api.evaluate(ids, given).map((report) => report.status);
    assert.deepEqual(ids.map((_, p) => session.status(p)), expected, `step ${step}: ${JSON.stringify(given)}`);
    read += ids.length;
  }
  // Most statuses were known, once the walk came back to answers it had seen.
  assert.ok(asked < read / 2 && asked > 0 && refused > 0, `${asked} of ${read} statuses asked, ${refused} answers refused`);
  assert.throws(() => session.status(4), /no programme at index 4/);
  assert.throws(() => session.status(-1), /no programme/);
  session.free();
  assert.throws(() => session.status(), /this session was freed/, 'a freed session');
  // Past the first 15 programmes, statuses are asked for.
  const many = Array.from({ length: 16 }, (_, i) => ids[i % ids.length]);
  const form = new api.Session(many);
  form.answer('profession', 'other');
  assert.deepEqual(many.map((_, p) => form.status(p)), api.evaluate(many, { profession: 'other' }).map((report) => report.status));
  assert.equal(form.status(15), 'undetermined');
  form.free();
});

test('amounts with cents cross as hundredths, also those whose product by 100 is not whole', () => {
  const P = 'netflix-audiens-2020';
  const session = new api.Session(P, { lang: 'en', today: '2020-04-15' });
  const resources = session.question('annual_resources');
  session.answer('profession', 'artist');
  const calls = [];
  for (const call of ['setCents', 'setNumber']) {
    const engine = session.engine;
    const original = engine[call].bind(engine);
    engine[call] = (...args) => (calls.push([call, ...args]), original(...args));
  }
  // 14000.29 * 100 is 1400028.9999999998, 1.15 * 100 is 114.99999999999999; the last
  // ones end in a zero of hundredths, which the engine drops (`Session::set_number`).
  const hundredths = [[14000.29, 1400029], [1.15, 115], [0.29, 29], [15000.01, 1500001], [14999.99, 1499999], [4.35, 435], [800.5, 80050], [0.1, 10], [15000.1, 1500010], [15000.2, 1500020]];
  for (const [value, cents] of hundredths) {
    calls.length = 0;
    session.set(resources, value);
    assert.deepEqual(calls, [['setCents', resources, cents]], String(value));
    assert.deepEqual(session.report(), api.evaluate(P, { profession: 'artist', annual_resources: String(value) }, { lang: 'en', today: '2020-04-15' }), String(value));
  }
  // Whole hundreds of hundredths (the module sends whole numbers to `setInteger`).
  assert.ok(session.engine.setCents(resources, 1500000) > 0);
  assert.deepEqual(session.report(), api.evaluate(P, { profession: 'artist', annual_resources: '15000' }, { lang: 'en', today: '2020-04-15' }));
  // More than two decimals: as JS writes them, through the text.
  calls.length = 0;
  session.set(resources, 15000.001);
  assert.deepEqual(calls, [['setNumber', resources, '15000.001']]);
  // Refused alike either way.
  const message = (f) => { try { f(); } catch (error) { return error.message; } return 'no error'; };
  for (const value of [-0.29, -1.5]) {
    assert.equal(message(() => session.set(resources, value)), message(() => api.evaluate(P, { annual_resources: String(value) })), String(value));
  }
  session.free();
});
