// The scenario files through the JavaScript API: in headless Chromium, in Node, and
// against the native CLI, so that native and WebAssembly verdicts are proven equal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as api from '../../www/dist/index.js';
import { differences, open, scenarioFiles, start, usesTomlFloat } from './harness.mjs';

const cli = new URL('../../target/debug/eligibility', import.meta.url).pathname;

let browser;
before(async () => { browser = await start(); });
after(async () => { await browser?.stop(); });

/** Built-in programmes only: the test-only packs are not in the WebAssembly build. */
async function builtinScenarios() {
  const builtins = new Set(api.programmes().map((p) => p.id));
  const files = (await scenarioFiles()).filter((f) => builtins.has(f.programme));
  assert.ok(files.length >= 1, 'no scenario file for a built-in programme');
  return files.flatMap(({ file, programme, scenarios }) =>
    scenarios.filter((s) => !usesTomlFloat(s)).map((scenario) => ({ file, programme, scenario })));
}

/** Runs a scenario through `evaluate`: its report, or the message it threw. */
function outcome(evaluate, { programme, scenario }) {
  try {
    return { report: evaluate(programme, scenario.answers ?? {}) };
  } catch (error) {
    return { error: String(error.message) };
  }
}

/** What differs between a scenario's expectations and its outcome. */
function check({ file, scenario }, { report, error }) {
  const where = `${file}: ${scenario.name}`;
  if (scenario.error) {
    return error?.includes(scenario.error) ? [] : [`${where}: expected an error containing ${scenario.error}, got ${error ?? 'a report'}`];
  }
  if (error) return [`${where}: ${error}`];
  return differences(scenario, report).map((d) => `${where}: ${d}`);
}

test('every scenario passes through the JS API in Chromium', async () => {
  const cases = await builtinScenarios();
  const { page, errors } = await open(browser.context, `${browser.origin}/two-widgets.html`);
  // The same as `outcome`, run in the page: functions cannot cross into it.
  const outcomes = await page.evaluate(async ({ cases }) => {
    const { evaluate } = await import('/dist/index.js');
    return cases.map(({ programme, scenario }) => {
      try {
        return { report: evaluate(programme, scenario.answers ?? {}) };
      } catch (error) {
        return { error: String(error.message) };
      }
    });
  }, { cases });
  assert.equal(outcomes.length, cases.length);
  assert.deepEqual(cases.flatMap((c, i) => check(c, outcomes[i])), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('every scenario passes through the JS API in Node', async () => {
  const cases = await builtinScenarios();
  const failures = cases.flatMap((c) => check(c, outcome(api.evaluate, c)));
  assert.deepEqual(failures, []);
  // The check itself can fail: a wrong expectation of each kind is caught.
  const [first] = cases;
  const wrong = { ...first, scenario: { ...first.scenario, error: undefined, status: 'eligible', amount: '1 EUR', next_question: 'none' } };
  assert.equal(check(wrong, outcome(api.evaluate, wrong)).length, 3);
});

test('the WebAssembly engine and the native CLI give the same report for every scenario', async () => {
  assert.ok(existsSync(cli), `${cli} is missing: scripts/test.sh builds it before these tests`);
  let compared = 0;
  for (const { programme, scenario } of await builtinScenarios()) {
    if (scenario.error) continue;
    for (const lang of ['fr', 'en']) {
      const native = JSON.parse(execFileSync(cli, ['eval', programme, '--lang', lang], { input: JSON.stringify(scenario.answers ?? {}) }));
      assert.deepEqual(api.evaluate(programme, scenario.answers ?? {}, { lang }), native, scenario.name);
      compared += 1;
    }
  }
  assert.ok(compared >= 20);
  const native = JSON.parse(execFileSync(cli, ['questions', 'netflix-audiens-2020', '--json', '--lang', 'en']));
  assert.deepEqual(api.questions('netflix-audiens-2020', { lang: 'en' }), native);
});

test('bad answers throw one clear message; exact decimals stay exact', () => {
  assert.throws(() => api.evaluate('netflix-audiens-2020', { days_worked: 400 }), /question `days_worked` expects a whole number from 0 to 366, got 400/);
  assert.throws(() => api.evaluate('netflix-audiens-2020', { profession: 'dancer' }), /no option `dancer`/);
  assert.throws(() => api.evaluate('netflix-audiens-2020', []), /answers must be an object/);
  assert.throws(() => api.evaluate('nope', {}), /unknown programme `nope`/);
  assert.throws(() => api.evaluate('netflix-audiens-2020', {}, { lang: 'de' }), /unknown language `de`/);
  assert.equal(api.evaluate('netflix-audiens-2020', { annual_resources: 15000.001 }).amount.max, '500');
  assert.equal(api.evaluate('netflix-audiens-2020', { annual_resources: '15000' }).amount.max, '900');
  assert.equal(api.evaluate('netflix-audiens-2020', { annual_resources: null }).next_question, 'profession');
});
