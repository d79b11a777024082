// The scenario files through the JavaScript API: in headless Chromium, in Node, and
// against the native CLI, so that native and WebAssembly verdicts are proven equal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as api from '../../www/dist/index.js';
import { DEFAULT_DAY, builtinCases, check, open, outcomeOf, start } from './harness.mjs';

const cli = new URL('../../target/debug/eligibility', import.meta.url).pathname;

let browser;
before(async () => { browser = await start(); });
after(async () => { await browser?.stop(); });

test('every scenario passes through the JS API in Chromium', async () => {
  const cases = await builtinCases(api);
  const { page, errors } = await open(browser.context, `${browser.origin}/two-widgets.html`);
  // `outcomeOf` and `check` come from the harness: the page runs the same code.
  const outcomes = await page.evaluate(async ({ cases, outcomeSource }) => {
    const api = await import('/dist/index.js');
    const outcomeOf = new Function(`return (${outcomeSource})`)();
    return cases.map((c) => outcomeOf(api, c));
  }, { cases, outcomeSource: outcomeOf.toString() });
  assert.equal(outcomes.length, cases.length);
  assert.deepEqual(cases.flatMap((c, i) => check(c, outcomes[i])), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('every scenario passes through the JS API in Node', async () => {
  const cases = await builtinCases(api);
  const failures = cases.flatMap((c) => check(c, outcomeOf(api, c)));
  assert.deepEqual(failures, []);
  // The check itself can fail: a wrong expectation of each kind is caught.
  const first = cases.find((c) => c.single && !c.scenario.error);
  const wrong = { ...first, scenario: { ...first.scenario, status: 'eligible', amount: '1 EUR', next_question: 'none', window: 'closed' } };
  assert.equal(check(wrong, outcomeOf(api, wrong)).length, 4);
  const form = cases.find((c) => !c.single && !c.scenario.error);
  const id = form.programmes[0];
  const wrongForm = { ...form, scenario: { ...form.scenario, next_question: 'nope', expect: { [id]: { starts: ['never'] } } } };
  assert.equal(check(wrongForm, outcomeOf(api, wrongForm)).length, 2);
});

test('the WebAssembly engine and the native CLI give the same report for every scenario', async () => {
  assert.ok(existsSync(cli), `${cli} is missing: scripts/test.sh builds it before these tests`);
  let compared = 0;
  for (const { programmes, single, today, scenario } of await builtinCases(api)) {
    if (scenario.error) continue;
    for (const lang of ['fr', 'en']) {
      const native = JSON.parse(execFileSync(cli, ['eval', ...programmes, '--lang', lang, '--today', today], { input: JSON.stringify(scenario.answers ?? {}) }));
      assert.deepEqual(api.evaluate(single ? programmes[0] : programmes, scenario.answers ?? {}, { lang, today }), native, scenario.name);
      compared += 1;
    }
  }
  assert.ok(compared >= 150);
  for (const ids of [['netflix-audiens-2020'], ['netflix-audiens-2020', 'uk-film-tv-emergency-relief-2020']]) {
    const native = JSON.parse(execFileSync(cli, ['questions', ...ids, '--json', '--lang', 'en']));
    assert.deepEqual(api.questions(ids.length === 1 ? ids[0] : ids, { lang: 'en' }), native);
  }
});

test('bad answers throw one clear message; exact decimals stay exact', () => {
  assert.throws(() => api.evaluate('netflix-audiens-2020', { days_worked: 400 }), /question `days_worked` expects a whole number from 0 to 366, got 400/);
  assert.throws(() => api.evaluate('netflix-audiens-2020', { profession: 'dancer' }), /no option `dancer`/);
  assert.throws(() => api.evaluate('netflix-audiens-2020', []), /answers must be an object/);
  // An object whose entries are not its keys is refused, not read as no answer.
  assert.throws(() => api.evaluate('netflix-audiens-2020', new Map([['profession', 'other']])), /not a Map \(Object\.fromEntries\(map\) makes one\)$/);
  assert.throws(() => api.evaluate('netflix-audiens-2020', new Date()), /answers must be an object: question id → value, not a Date$/);
  assert.equal(api.evaluate('netflix-audiens-2020', Object.assign(Object.create(null), { profession: 'other' })).status, 'not_eligible');
  // Options that are not texts are named; no options at all are the defaults.
  assert.throws(() => api.evaluate('netflix-audiens-2020', {}, { today: new Date() }), /^Error: option `today` must be a day written YYYY-MM-DD, got a Date$/);
  assert.throws(() => api.evaluate('netflix-audiens-2020', {}, { lang: 5 }), /^Error: option `lang` must be fr or en, got 5$/);
  assert.throws(() => api.questions('netflix-audiens-2020', { lang: ['fr'] }), /option `lang` must be fr or en, got an Array/);
  assert.equal(api.evaluate('netflix-audiens-2020', {}, null).programme, 'netflix-audiens-2020');
  assert.throws(() => api.evaluate('nope', {}), /unknown programme `nope`/);
  assert.throws(() => api.evaluate('netflix-audiens-2020', {}, { lang: 'de' }), /unknown language `de`/);
  assert.equal(api.evaluate('netflix-audiens-2020', { annual_resources: 15000.001 }).amount.max, '500');
  assert.equal(api.evaluate('netflix-audiens-2020', { annual_resources: '15000' }).amount.max, '900');
  // Numbers with cents cross as hundredths: each is the decimal JS writes for it.
  for (const [value, max] of [[15000.01, '500'], [14999.99, '900'], [15000.5, '500'], [0.07, '900'], [1e-7, '900'], [15000.000001, '500']]) {
    assert.equal(api.evaluate('netflix-audiens-2020', { annual_resources: value }).amount.max, max, String(value));
  }
  assert.throws(() => api.evaluate('netflix-audiens-2020', { days_worked: 12.5 }), /question `days_worked` expects a whole number from 0 to 366, got 12.5$/);
  assert.equal(api.evaluate('netflix-audiens-2020', { annual_resources: null }).next_question, 'profession');
  assert.throws(() => api.evaluate('netflix-audiens-2020', {}, { today: '2020-13-01' }), /today: `2020-13-01` is not a date/);
  assert.throws(() => api.evaluate([], {}), /give a programme id, or an array of them/);
  assert.equal(api.evaluate('netflix-audiens-2020', {}, { today: DEFAULT_DAY }).window.state, 'open');
  // Without `today`, the visitor's own day: after 2020 the fund is never simply open.
  assert.equal(api.evaluate('netflix-audiens-2020', {}).window.state, 'unconfirmed');
  assert.equal(api.nextQuestion(['netflix-audiens-2020', 'uk-film-tv-emergency-relief-2020'], {}), 'country');
  assert.equal(api.nextQuestion('collectif-5050-mentorat-2021', { mentoring_profile: 'other' }), null);
});

test("evaluate() without a day reads the visitor's clock again after midnight", () => {
  // The engine and the module read the clock through the global Date: here, one that
  // says what the test says.
  const RealDate = globalThis.Date;
  let now = new RealDate(2020, 3, 14, 23, 59, 59).getTime(); // local time, the day before the fund opened
  let reads = 0;
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      super(...(args.length ? args : [now]));
    }

    static now() {
      reads += 1;
      return now;
    }
  };
  try {
    const P = 'netflix-audiens-2020';
    api.evaluate(P, {}, { today: DEFAULT_DAY }); // the options change: the next call reads the clock
    assert.equal(api.evaluate(P, {}).window.state, 'upcoming');
    now += 2000;
    assert.equal(api.evaluate(P, {}).window.state, 'open');
    now += 24 * 60 * 60 * 1000;
    assert.equal(api.evaluate(P, {}).window.state, 'unconfirmed');
    // No later day changes an unconfirmed window: the clock is read no more…
    const before = reads;
    api.evaluate(P, {});
    api.evaluate(P, { profession: 'artist' });
    assert.equal(reads, before, 'the clock read although every window state is final');
    // … but it is for a form with a window still open that day: the UK fund's closed on 2020-04-22.
    const form = [P, 'uk-film-tv-emergency-relief-2020'];
    now = new RealDate(2020, 3, 22, 23, 59, 59).getTime();
    api.evaluate(form, {}, { today: DEFAULT_DAY });
    assert.deepEqual(api.evaluate(form, {}).map((r) => r.window.state), ['unconfirmed', 'open']);
    now += 2000;
    assert.deepEqual(api.evaluate(form, {}).map((r) => r.window.state), ['unconfirmed', 'closed']);
  } finally {
    globalThis.Date = RealDate;
  }
});

test('evaluate() with numbers moving within their regions gives what a new session gives, `changes` read late included', () => {
  // A kept session takes an outcome remembered for other numbers in the same regions.
  const P = 'netflix-audiens-2020';
  const options = { lang: 'en', today: DEFAULT_DAY };
  const base = { profession: 'artist', rights_not_renewed_since_2020: true, works_on_netflix_production: false };
  const fresh = (answers) => {
    const session = new api.Session(P, options);
    for (const [id, value] of Object.entries(answers)) session.answer(id, value);
    const report = session.report();
    session.free();
    return report;
  };
  const walk = [[13, 100], [5, 100], [200, 100], [200, 20000], [200, 14999.99], [12, 14999.99], [366, 0.01], [13, 14999]];
  const reports = walk.map(([days, resources]) => {
    const answers = { ...base, days_worked: days, annual_resources: resources };
    return [answers, api.evaluate(P, answers, options)];
  });
  assert.ok(reports.some(([, report]) => report.changes.length > 0));
  for (const [answers, report] of reports) assert.deepEqual(report, fresh(answers), JSON.stringify(answers));
});

test('evaluate() takes only the answers that changed and makes `changes` when read, for the answers it was given', () => {
  const P = 'netflix-audiens-2020';
  const eligible = { profession: 'artist', days_worked: 12, rights_not_renewed_since_2020: true, works_on_netflix_production: false, annual_resources: '15000' };
  const first = api.evaluate(P, eligible, { lang: 'en' });
  const later = api.evaluate(P, {}, { lang: 'fr' }); // the kept session moves on
  assert.deepEqual(later.changes, []);
  // Read now, `changes` is still that of the first answers, in the first language.
  assert.ok(first.changes.length > 0);
  assert.deepEqual(first.changes, api.evaluate(P, eligible, { lang: 'en' }).changes);
  assert.match(first.changes[0].explanation, /would/);
  // Once read, an ordinary property: in JSON, in the CLI's order, and writable.
  const report = api.evaluate(P, eligible);
  assert.deepEqual(Object.keys(report), ['programme', 'status', 'amount', 'benefit', 'next_question', 'depends_on', 'window', 'criteria', 'changes', 'before_applying', 'pack']);
  assert.deepEqual(JSON.parse(JSON.stringify(report)).changes, report.changes);
  report.changes = 'mine';
  assert.equal(report.changes, 'mine');
  // Held as frameworks hold it: through a Proxy (Vue's reactive), frozen (Immer,
  // Redux Toolkit), as a prototype, as a copy of its descriptors; each read gives it.
  const expected = api.evaluate(P, eligible, { lang: 'en' }).changes;
  const held = [
    (r) => new Proxy(r, {}),
    (r) => Object.freeze(r),
    (r) => Object.create(r),
    (r) => Object.defineProperties({}, Object.getOwnPropertyDescriptors(r)),
  ];
  for (const hold of held) {
    const report = hold(api.evaluate(P, eligible, { lang: 'en' }));
    api.evaluate(P, {}, { lang: 'fr' });
    assert.deepEqual(report.changes, expected, hold.toString());
    assert.deepEqual(report.changes, expected, `${hold} again`);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(Object.freeze(api.evaluate(P, eligible, { lang: 'en' })))).changes, expected);
  assert.deepEqual(structuredClone(Object.freeze(api.evaluate(P, eligible, { lang: 'en' }))).changes, expected);
  // Read from the caller's code while evaluate() reads its answers (a getter): neither
  // call is disturbed, even when the programme of the report read is no longer kept
  // and the call's own session is the oldest kept (8 are).
  const earlier = api.evaluate(P, eligible, { lang: 'en' });
  const [uk, fussat, mentoring] = ['uk-film-tv-emergency-relief-2020', 'audiens-fonds-solidarite-2020', 'collectif-5050-mentorat-2021'];
  // Eight forms no other test makes, the first the one in use: then the oldest kept.
  const others = [[mentoring, uk, fussat, P], [mentoring, uk, P, fussat], [mentoring, fussat, uk, P], [mentoring, fussat, P, uk], [mentoring, P, uk, fussat], [mentoring, P, fussat, uk], [fussat, mentoring, uk, P], [fussat, mentoring, P, uk]];
  for (const list of others) api.evaluate(list, {});
  const answers = { screen_role: 'behind_the_scenes' };
  Object.defineProperty(answers, 'country', {
    enumerable: true,
    get: () => {
      assert.deepEqual(earlier.changes, expected);
      return 'gb';
    },
  });
  const during = api.evaluate(others[0], answers, { lang: 'en' });
  assert.deepEqual(during, api.evaluate(others[0], { screen_role: 'behind_the_scenes', country: 'gb' }, { lang: 'en' }));
  // The same programme: the read does not give the call the earlier answers or language.
  const same = api.evaluate(P, eligible, { lang: 'en' });
  const mine = { profession: 'technician' };
  Object.defineProperty(mine, 'days_worked', { enumerable: true, get: () => same.changes && 3 });
  Object.assign(mine, { works_on_netflix_production: false });
  assert.deepEqual(api.evaluate(P, mine, { lang: 'fr' }), api.evaluate(P, { profession: 'technician', days_worked: 3, works_on_netflix_production: false }, { lang: 'fr' }));
  // An answer no longer given is cleared; a refused one leaves nothing behind.
  assert.equal(api.evaluate(P, { days_worked: 12 }).next_question, 'profession');
  assert.throws(() => api.evaluate(P, { profession: 'artist', days_worked: 400 }), /days_worked/);
  assert.equal(api.evaluate(P, { days_worked: 12 }).next_question, 'profession');
  // The programmes are those given at the call, whatever becomes of the caller's list.
  const ids = [P, 'audiens-fonds-solidarite-2020'];
  const reports = api.evaluate(ids, eligible, { lang: 'en' });
  ids.reverse();
  assert.deepEqual(reports.map((r) => [r.programme, r.changes.length > 0]), [[P, true], ['audiens-fonds-solidarite-2020', false]]);
});
