// The built widget in headless Chromium, as visitors and publishers meet it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { evaluate, nextQuestion, questions as questionList } from '../../www/dist/index.js';
import { ACTED_FILES, answer, builtFiles, expectedAmount, NOTHING_WRITTEN, open, questionsById, ready, scenarioCases, server, sourcesCame, start, writtenSomewhere } from './harness.mjs';

let browser;
before(async () => { browser = await start(); });
after(async () => { await browser?.stop(); });

const nbsp = (text) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The order in which a visitor meets a scenario's answers, one next question of the
 * form at a time; null when the form would never ask them all (answers out of order). */
function visitorOrder(programmes, answers) {
  const given = {};
  const order = [];
  for (;;) {
    const next = nextQuestion(programmes, given);
    if (next === null || !(next in answers)) break;
    given[next] = answers[next];
    order.push(next);
  }
  return order.length === Object.keys(answers).length ? order : null;
}

/** What a result block shows of an expected amount, in French: `900 €`, `500 € à 900 €`. */
function shownAmount(text) {
  const amount = expectedAmount(text);
  if (amount === null) return null;
  const sign = { EUR: ' €', GBP: ' £' }[amount.currency];
  const money = (n) => `${Number(n).toLocaleString('fr-FR').replace(/\u202f/g, ' ')}${sign}`;
  if (amount.max === null) return `à partir de ${money(amount.min)}`;
  return amount.min === amount.max ? money(amount.max) : `${money(amount.min)} à ${money(amount.max)}`;
}

/** What a page may fetch: itself, its style and icon, and the widget's own files
 * (named after their content by scripts/build.sh, listed in www/dist/files.json). */
const built = await builtFiles();
/** Where the programmes' texts in `lang` are served. */
const textsAt = (lang) => `/dist/${built[`texts.${lang}.txt`].file}`;
const OWN_FILES = new Set(['/', '/demo.css', '/favicon.svg', '/dist/eligibility-widget.js',
  ...ACTED_FILES.map((logical) => `/dist/${built[logical].file}`)]);


test('visitors reach the verdict of every scenario the form can ask, by mouse and keyboard, and nothing leaves the page', async () => {
  let played = 0;
  const forms = new Set();
  for (const case_ of await scenarioCases((programmes) => programmes.every((id) => !id.startsWith('test-')))) {
    const { file, programmes, single, scenario } = case_;
    if (scenario.error) continue;
    const order = visitorOrder(programmes, scenario.answers ?? {});
    if (!order) continue;
    const { page, errors, requests } = await open(browser.context, `${browser.origin}/`);
    await ready(page);
    // The article's widget, given this scenario's programmes.
    await page.evaluate((ids) => document.querySelector('eligibility-widget').setAttribute('programme', ids), programmes.join(' '));
    const widget = page.locator('eligibility-widget');
    await widget.locator('#form').waitFor();
    const questions = Object.fromEntries(questionList(single ? programmes[0] : programmes).map((q) => [q.id, q]));
    for (const id of order) await answer(widget, questions[id], scenario.answers[id], 'fr');
    const where = `${file}: ${scenario.name}`;
    for (const [i, id] of programmes.entries()) {
      const expected = single ? scenario : scenario.expect?.[id];
      if (!expected) continue;
      const result = widget.locator(`.verdict[data-programme="${i}"]`);
      if (expected.status) assert.equal(await result.getAttribute('data-status'), expected.status, `${where}: ${id}`);
      // The line under the headline shows the benefit: an amount, or a place and its start.
      const line = result.locator('.amount');
      if (expected.starts !== undefined) {
        const french = { 'May 2021': 'mai 2021', 'autumn 2021': 'automne 2021' };
        if (expected.starts.length === 0) assert.equal(await line.isHidden(), true, `${where}: ${id}`);
        else assert.ok(nbsp(await line.textContent()).endsWith(`début : ${expected.starts.map((s) => french[s]).join(' ou ')}`), where);
      } else if (expected.amount !== undefined && shownAmount(expected.amount) === null) {
        assert.equal(await line.isHidden(), true, `${where}: ${id}`);
      } else if (expected.amount !== undefined) {
        assert.ok(nbsp(await line.textContent()).includes(`: ${shownAmount(expected.amount)}`), `${where}: ${id}: ${await line.textContent()}`);
      }
      // What the verdict depends on ("I don't know"), and what would change it, one item a change.
      if (expected.depends_on !== undefined) {
        assert.equal(await result.locator('.depends-on').isHidden(), expected.depends_on.length === 0, `${where}: ${id}: depends on`);
      }
      if (expected.changes !== undefined) {
        const shown = await result.locator('.changes li').evaluateAll((items) => items.map((li) => li.dataset.question));
        assert.deepEqual(shown, expected.changes.map((line) => line.split(' ')[0]), `${where}: ${id}: changes`);
        assert.equal(await result.locator('.changes').isHidden(), expected.changes.length === 0, `${where}: ${id}: changes`);
      }
    }
    const unanswered = await widget.locator('.question:not([hidden])').evaluateAll((blocks, answered) =>
      blocks.map((b) => b.querySelector('[name]').name).filter((name) => !answered.includes(name)), order);
    const next = scenario.next_question;
    assert.deepEqual(unanswered, next === 'none' ? [] : [next], `${where}: the questions shown`);
    assert.deepEqual(errors, [], where);
    // Private while a visitor completes each programme: the page and the widget's own
    // files, from the page's own server, and nothing written.
    const fetched = new Set(requests.map((url) => new URL(url)).map((url) => (url.origin === browser.origin ? url.pathname : url.href)));
    assert.deepEqual([...fetched].filter((path) => !OWN_FILES.has(path)), [], `${where}: requests`);
    assert.deepEqual(await page.evaluate(writtenSomewhere), NOTHING_WRITTEN, `${where}: storage`);
    await page.close();
    played += 1;
    if (!single) forms.add(file);
  }
  assert.deepEqual(await browser.context.cookies(), []);
  assert.ok(played >= 40, `only ${played} scenarios could be played through the form`);
  assert.equal(forms.size, 2, 'the scenarios of both forms were played');
});

test('keyboard only: Tab, Space, arrows and Enter reach a verdict, and focus follows', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  await widget.locator('button.language').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  const focused = () => widget.evaluate((host) => {
    const active = host.shadowRoot.activeElement;
    return active && (active.name ? `${active.name}=${active.value}` : active.className);
  });
  assert.equal(await focused(), 'works_on_netflix_production=yes', 'Enter moves to the next question');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.type('9 000');
  await page.keyboard.press('Enter');
  assert.equal(await focused(), 'headline', 'with nothing left to ask, focus goes to the verdict');
  assert.equal(nbsp(await widget.locator('.headline').textContent()), 'Vous êtes probablement éligible : 900 €');
  const checked = await widget.locator('input:checked').evaluateAll((inputs) => inputs.map((i) => `${i.name}=${i.value}`));
  assert.deepEqual(checked, ['profession=artist', 'rights_not_renewed_since_2020=yes', 'works_on_netflix_production=no']);
  await page.close();
});

test('the page of all four programmes asks the country first and, by keyboard alone, reaches the UK fund', async () => {
  const { page, requests, errors } = await open(browser.context, `${browser.origin}/tous.html`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  const shown = () => widget.locator('.question:not([hidden]) [name]').evaluateAll((controls) => [...new Set(controls.map((c) => c.name))]);
  assert.deepEqual(await shown(), ['country']);
  await widget.locator('button.language').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await shown(), ['country', 'screen_role'], 'working in the UK: its fund asks next');
  assert.deepEqual(await widget.locator('.verdict:not([hidden])').evaluateAll((r) => r.map((e) => e.dataset.programme)), ['3']);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('60');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  const uk = widget.locator('.verdict[data-programme="3"]');
  assert.equal(await uk.getAttribute('data-status'), 'eligible');
  assert.equal(await uk.getAttribute('data-window'), 'closed', 'the visitor is in 2026');
  assert.equal(nbsp(await uk.locator('.headline').textContent()), "Vous auriez probablement été éligible : 500 £ à 2 500 £ selon la décision de l'organisme");
  assert.equal(await uk.locator('a.apply').textContent(), 'Lire les conditions officielles (les demandes sont closes)');
  assert.match(nbsp(await widget.locator('.live').textContent()), /^Fonds d'urgence Covid-19 pour le cinéma et la télévision du Royaume-Uni \(2020\) : Vous auriez/);
  const checked = await widget.locator('input:checked').evaluateAll((inputs) => inputs.map((i) => `${i.name}=${i.value}`));
  assert.deepEqual(checked, ['country=gb', 'screen_role=behind_the_scenes', 'hit_by_closures=yes', 'government_support_800=no']);
  assert.deepEqual(new Set(requests.map((url) => new URL(url).origin)), new Set([browser.origin]));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the French programmes together: one question serves two funds, the likely ones are listed first', async () => {
  const { page, errors } = await open(browser.context, `${browser.origin}/audiens.html`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  const order = () => widget.locator('.verdict:not([hidden])').evaluateAll((r) => r.map((e) => `${e.dataset.programme}:${e.dataset.status}`));
  assert.deepEqual(await order(), ['0:undetermined', '1:undetermined', '2:undetermined']);
  await widget.locator('label.option:has(input[name=profession][value=other])').click();
  assert.deepEqual(await order(), ['2:undetermined', '0:not_eligible', '1:not_eligible'], 'one answer settles both funds');
  await widget.locator('label.option:has(input[name=mentoring_profile][value=student])').click();
  await widget.locator('label.option:has(input[name=has_industry_network][value=no])').click();
  assert.deepEqual(await order(), ['2:eligible', '0:not_eligible', '1:not_eligible']);
  const mentoring = widget.locator('.verdict[data-programme="2"]');
  assert.match(nbsp(await mentoring.locator('.amount').textContent()), /^Ce que vous obtiendriez : Une place de mentoré·e .*; début : mai 2021$/);
  assert.equal(await mentoring.getAttribute('data-window'), 'unconfirmed');
  assert.deepEqual(errors, []);
  await page.close();
});

test('nothing leaves the page: no other host, no cookie, no storage', async () => {
  const { page, requests } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  const questions = questionsById(questionList, 'netflix-audiens-2020');
  for (const [id, value] of [['profession', 'technician'], ['rights_not_renewed_since_2020', true], ['days_worked', 30],
    ['works_on_netflix_production', false], ['annual_resources', '20000']]) {
    await answer(widget, questions[id], value, 'fr');
  }
  await widget.locator('button.language').click();
  await widget.locator('.widget[lang=en]').waitFor();
  await widget.locator('button.start-over').click();
  await sourcesCame(widget);
  const hosts = new Set(requests.map((url) => new URL(url).origin));
  assert.deepEqual([...hosts], [browser.origin]);
  const own = requests.map((url) => new URL(url).pathname).filter((p) => p.startsWith('/dist/'));
  const files = await builtFiles();
  // With the English texts, fetched when the visitor switched to English, and the
  // sources in each language, fetched once the visitor acted in it.
  const hashed = [...ACTED_FILES, 'texts.en.txt', 'sources.en.txt'].map((name) => `/dist/${files[name].file}`);
  assert.deepEqual(own.sort(), ['/dist/eligibility-widget.js', ...hashed].sort());
  assert.deepEqual(await browser.context.cookies(), []);
  assert.deepEqual(await page.evaluate(writtenSomewhere), NOTHING_WRITTEN);
  await page.close();
});

test("a widget fetches its language's texts, the other's only when switched to it, once, and says if they cannot come", async () => {
  const fetched = (requests, lang) => requests.filter((url) => new URL(url).pathname === textsAt(lang)).length;
  const { page, requests } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  assert.deepEqual([fetched(requests, 'fr'), fetched(requests, 'en')], [1, 0], 'the French texts alone');
  await widget.locator('label.option:has(input[value=technician])').click();
  for (const lang of ['en', 'fr', 'en']) {
    await widget.locator('button.language').click();
    await widget.locator(`.widget[lang=${lang}]`).waitFor();
  }
  assert.deepEqual([fetched(requests, 'fr'), fetched(requests, 'en')], [1, 1], 'each language fetched once');
  assert.equal(await widget.locator('input[value=technician]').isChecked(), true, 'the answer is kept');
  assert.match(await widget.locator('legend').first().textContent(), /technician/i, 'the questions are in English');
  assert.equal(await widget.evaluate((host) => host.shadowRoot.activeElement?.className), 'language secondary', 'focus stays on the button');
  // The page's other attributes changed keep the language the visitor chose (the
  // attribute says French); the page's own `lang` changed is what the page asks.
  const actions = () => widget.locator('[data-action]').evaluateAll((b) => b.map((e) => e.dataset.action));
  await widget.evaluate((host) => host.setAttribute('features', '-print'));
  assert.deepEqual(await actions(), ['copy', 'share']);
  assert.equal(await widget.locator('.widget').getAttribute('lang'), 'en', 'features changed: still English');
  await widget.evaluate((host) => host.setAttribute('programme', 'netflix-audiens-2020 audiens-fonds-solidarite-2020'));
  assert.equal(await widget.locator('.widget').getAttribute('lang'), 'en', 'programmes changed: still English');
  assert.equal(await widget.locator('input[value=technician]').isChecked(), true, 'and the answer kept');
  await widget.evaluate((host) => host.setAttribute('lang', 'en'));
  await widget.evaluate((host) => host.setAttribute('lang', 'fr'));
  assert.equal(await widget.locator('.widget').getAttribute('lang'), 'fr', "the page's lang changed: French");
  await page.close();

  // English texts that fail their integrity: said in French, and the form goes on in French.
  const site = await server({ tamper: (path, body) => (path === textsAt('en') ? Buffer.concat([body, Buffer.from('x')]) : undefined) });
  try {
    const { page: broken, errors } = await open(browser.context, `${site.origin}/`);
    await ready(broken);
    const form = broken.locator('eligibility-widget');
    await form.locator('button.language').click();
    await form.locator('.live', { hasText: "n'a pas pu charger sa version anglaise" }).waitFor({ state: 'attached' });
    assert.equal(await form.locator('.widget').getAttribute('lang'), 'fr');
    assert.equal(await form.locator('button.language').getAttribute('aria-busy'), null, 'no longer busy');
    assert.ok(errors.some((e) => /could not load texts\.en\.[0-9a-f]{10}\.txt/.test(e)), errors.join('\n'));
    await form.locator('label.option:has(input[value=other])').click();
    assert.equal(await form.locator('.verdict').getAttribute('data-status'), 'not_eligible', 'the widget goes on');
    await broken.close();
  } finally {
    site.close();
  }
});

test("a lang attribute set to a language whose texts are not here: drawn in it once they come, answers and attributes applied meanwhile", async () => {
  const english = textsAt('en');
  const { page, requests, errors } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  await widget.locator('label.option:has(input[value=technician])').click();
  await widget.evaluate((host) => host.setAttribute('lang', 'en'));
  await widget.locator('.widget[lang=en]').waitFor();
  assert.equal(requests.filter((url) => new URL(url).pathname === english).length, 1);
  assert.equal(await widget.locator('input[value=technician]').isChecked(), true, 'the answer is kept');
  assert.deepEqual(errors, []);
  await page.close();

  // English texts that fail, asked for with a new programme at once: the programme is
  // shown, in French, and the failure said.
  const site = await server({ tamper: (path, body) => (path === english ? Buffer.concat([body, Buffer.from('x')]) : undefined) });
  try {
    const { page: broken } = await open(browser.context, `${site.origin}/`);
    await ready(broken);
    const form = broken.locator('eligibility-widget');
    await form.evaluate((host) => {
      host.setAttribute('lang', 'en');
      host.setAttribute('programme', 'uk-film-tv-emergency-relief-2020');
    });
    await form.locator('.live', { hasText: "n'a pas pu charger sa version anglaise" }).waitFor({ state: 'attached' });
    assert.equal(await form.locator('.widget').getAttribute('lang'), 'fr');
    assert.match(await form.locator('.widget').textContent(), /Royaume-Uni|Film and TV/, 'the new programme is shown');
    await broken.close();
  } finally {
    site.close();
  }
});

test('while the other language comes, the live region says so, what a visitor types is kept, and focus stays in the field', async () => {
  const english = textsAt('en');
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  // The English texts wait until the test lets them go.
  const site = await server({ handle: async (path) => (path === english ? (await held, false) : false) });
  try {
    const { page } = await open(browser.context, `${site.origin}/`);
    await ready(page);
    const widget = page.locator('eligibility-widget');
    await widget.locator('label.option:has(input[value=artist])').click();
    await widget.locator('label.option:has(input[name=rights_not_renewed_since_2020][value=yes])').click();
    await widget.locator('button.language').click();
    assert.equal(await widget.locator('button.language').getAttribute('aria-busy'), 'true', 'busy while the texts come');
    assert.equal(await widget.locator('.live').textContent(), 'Chargement de la version anglaise…', 'and said so');
    const field = widget.locator('input[type=text][name=days_worked]');
    await field.click();
    await field.pressSequentially('12');
    release();
    await widget.locator('.widget[lang=en]').waitFor();
    assert.equal(await field.inputValue(), '12', 'the typed days are kept');
    assert.equal(await widget.evaluate((host) => host.shadowRoot.activeElement?.getAttribute('name')), 'days_worked', 'focus stays in the field');
    await page.close();
  } finally {
    site.close();
  }
});

test('the strict-CSP and Trusted Types pages work without a single violation', async () => {
  for (const [path, policy] of [['/strict-csp.html', /script-src 'self' 'wasm-unsafe-eval'/],
    ['/trusted-types.html', /require-trusted-types-for 'script'; trusted-types 'none'/]]) {
    const { page, errors } = await open(browser.context, `${browser.origin}${path}`);
    await page.evaluate(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.violations.push(event.violatedDirective));
    });
    const response = await page.request.get(`${browser.origin}${path}`);
    assert.match(response.headers()['content-security-policy'], policy);
    await ready(page);
    const widget = page.locator('eligibility-widget');
    await widget.locator('label.option:has(input[value=artist])').click();
    await widget.locator('label.option:has(input[name=rights_not_renewed_since_2020][value=yes])').click();
    await widget.locator('input[type=text][name=days_worked]').fill('12');
    await widget.locator('input[type=text][name=days_worked]').press('Enter');
    await widget.locator('label.option:has(input[name=works_on_netflix_production][value=no])').click();
    await widget.locator('input[type=text][name=annual_resources]').fill('20,000');
    await widget.locator('input[type=text][name=annual_resources]').press('Enter');
    await widget.locator('.readings:not([hidden]) button').last().click();
    await widget.locator('label.option:has(input[name=days_worked][value=unknown])').click();
    await widget.locator('label.option:has(input[value=other])').click();
    await widget.locator('button.language').click();
    await widget.locator('button.start-over').click();
    await widget.locator('label.option:has(input[value=other])').click();
    assert.equal(await widget.locator('.verdict').getAttribute('data-status'), 'not_eligible', path);
    assert.notEqual(await widget.locator('button[type=submit]').evaluate((b) => getComputedStyle(b).borderRadius), '0px', 'the stylesheet applies');
    // The check must be able to fail: writing HTML is refused under Trusted Types.
    if (path === '/trusted-types.html') {
      const refused = await widget.evaluate((host) => { try { host.shadowRoot.innerHTML = '<p>x</p>'; return false; } catch { return true; } });
      assert.equal(refused, true, 'innerHTML is refused on this page');
      errors.length = 0;
      await page.evaluate(() => window.violations.splice(0));
    }
    assert.deepEqual(await page.evaluate(() => window.violations), [], path);
    assert.deepEqual(errors, [], path);
    await page.close();
  }
});

test('where WebAssembly may not run, the element says so and links to the official page', async () => {
  const { page } = await open(browser.context, `${browser.origin}/no-wasm.html`);
  const link = page.locator('eligibility-widget a');
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), 'https://www.audiens.org/actu/fonds-netflix-audiens.html');
  assert.match(await page.locator('eligibility-widget [role=status]').textContent(), /ne peut pas fonctionner/);
  await page.close();
});

test('two widgets on one page share one download and keep their own answers', async () => {
  const { page, requests, errors } = await open(browser.context, `${browser.origin}/two-widgets.html`);
  await ready(page, 0);
  await ready(page, 1);
  const [first, second] = [page.locator('#first'), page.locator('#second')];
  await first.locator('label.option:has(input[value=other])').click();
  await second.locator('label.option:has(input[value=artist])').click();
  assert.equal(await first.locator('.verdict').getAttribute('data-status'), 'not_eligible');
  assert.equal(await second.locator('.verdict').getAttribute('data-status'), 'undetermined');
  assert.equal(await second.locator('.headline').textContent(), 'Not yet known: answer the questions');
  assert.equal(requests.filter((url) => url.endsWith('.wasm')).length, 1);
  const accent = await second.locator('button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(accent, 'rgb(107, 47, 163)', 'the --eligibility-accent property themes it');
  const pageRule = await first.locator('button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(pageRule, 'rgb(255, 105, 180)', "the page's `main button { hotpink }` does not leak in");
  assert.deepEqual(errors, []);
  await page.close();
});

test('"I don\'t know" by keyboard, in English: not asked again; the verdict says what it depends on and what would change it, and so does the event', async () => {
  const { page, errors, requests } = await open(browser.context, `${browser.origin}/en.html`);
  await ready(page);
  await page.evaluate(() => {
    window.results = [];
    document.addEventListener('eligibility-result', (event) => window.results.push(event.detail));
  });
  const widget = page.locator('eligibility-widget');
  const focused = () => widget.evaluate((host) => {
    const active = host.shadowRoot.activeElement;
    return active && `${active.type}:${active.name}=${active.value}`;
  });
  await widget.locator('label.option:has(input[value=artist])').click();
  await widget.locator('label.option:has(input[name=rights_not_renewed_since_2020][value=yes])').click();
  // The days: Tab from the field to its box, Space: "I don't know".
  await widget.locator('input[type=text][name=days_worked]').focus();
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'checkbox:days_worked=unknown');
  assert.equal(await widget.locator('label.do-not-know:has(input[name=days_worked])').textContent(), "I don't know");
  await page.keyboard.press('Space');
  assert.equal(await widget.locator('input[name=days_worked][value=unknown]').isChecked(), true);
  // Not asked again: the next question is shown, the days stay shown with their answer.
  await widget.locator('fieldset:has(input[name=works_on_netflix_production])').waitFor();
  await widget.locator('label.option:has(input[name=works_on_netflix_production][value=no])').click();
  await widget.locator('label.option:has(input[name=annual_resources][value=unknown])').click();
  const unanswered = await widget.locator('.question:not([hidden]) [name]').evaluateAll((inputs) => [...new Set(inputs.map((i) => i.name))]);
  assert.deepEqual(unanswered, ['profession', 'rights_not_renewed_since_2020', 'days_worked', 'works_on_netflix_production', 'annual_resources']);
  assert.equal(await widget.locator('.headline').textContent(), 'Not yet known: answer the questions');
  const depends = widget.locator('.depends-on');
  assert.match(await depends.textContent(), /^The result still depends on answers you do not know: How many days .*; What are your yearly resources/);
  assert.equal(await widget.locator('.changes').isHidden(), true, 'nothing answered could settle it alone');
  // Ten days after all: twelve or more would qualify, and that is said.
  await widget.locator('input[type=text][name=days_worked]').fill('10');
  await widget.locator('input[type=text][name=days_worked]').press('Enter');
  assert.equal(await widget.locator('input[name=days_worked][value=unknown]').isChecked(), false);
  assert.equal(await widget.locator('.headline').textContent(), 'You are likely not eligible');
  assert.deepEqual(await widget.locator('.changes li').allTextContents(), [
    'How many days or cachets did you work on fixed-term (CDD or CDDU) contracts between September 2019 and February 2020, for film, TV or animation production companies? — at least 12: you would likely be eligible (€500 to €900).',
  ]);
  assert.equal(await widget.locator('.changes h3').textContent(), 'What would change the result');
  assert.equal(await depends.isHidden(), true, 'a no does not depend on the resources');
  const last = (await page.evaluate(() => window.results)).at(-1);
  assert.deepEqual(last, evaluate('netflix-audiens-2020', {
    profession: 'artist', rights_not_renewed_since_2020: true, days_worked: 10, works_on_netflix_production: false, annual_resources: 'unknown',
  }, { lang: 'en' }));
  assert.equal(last.changes[0].at_least, 12);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(browser.origin)), []);
  assert.deepEqual(await page.evaluate(writtenSomewhere), NOTHING_WRITTEN);
  await page.close();
});

test('the English page: English words and €900', async () => {
  const { page } = await open(browser.context, `${browser.origin}/en.html`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  const questions = questionsById(questionList, 'netflix-audiens-2020');
  for (const [id, value] of [['profession', 'artist'], ['rights_not_renewed_since_2020', true], ['days_worked', 12],
    ['works_on_netflix_production', false], ['annual_resources', '15,000']]) {
    await answer(widget, questions[id], value, 'en');
  }
  // `15,000` is fifteen thousand or fifteen: the visitor is asked, by keyboard here.
  assert.equal(await widget.locator('.headline').textContent(), 'You are likely eligible: €500 to €900');
  const readings = widget.locator('.readings:not([hidden]) button');
  assert.deepEqual(await readings.allTextContents(), ['€15,000', '€15']);
  assert.equal(await readings.first().evaluate((b) => b.getRootNode().activeElement === b), true, 'Enter moved focus to the first reading');
  await page.keyboard.press('Enter');
  assert.equal(await widget.locator('.understood:not([hidden])').textContent(), 'understood: €15,000');
  assert.equal(await widget.locator('.headline').textContent(), 'You are likely eligible: €900');
  // The visitor's day is in 2026: the fund is not shown as open, and applying is not offered.
  assert.equal(await widget.locator('.window').textContent(), 'Applications opened on 15 April 2020; they may no longer be accepted: check with the operator (Audiens).');
  assert.equal(await widget.locator('a.apply').textContent(), 'Check with the operator and read the official terms');
  assert.match(await widget.locator('.notice').textContent(), /nothing was sent/);
  await page.close();
});

test('a widget added after the script ran, and attribute changes, are handled', async () => {
  const { page } = await open(browser.context, `${browser.origin}/two-widgets.html`);
  await ready(page, 1);
  await page.evaluate(() => {
    const late = document.createElement('eligibility-widget');
    late.id = 'late';
    late.setAttribute('programme', 'netflix-audiens-2020');
    late.setAttribute('lang', 'en');
    document.body.append(late);
  });
  const late = page.locator('#late');
  await late.locator('.headline').waitFor();
  await late.locator('label.option:has(input[value=artist])').click();
  await page.evaluate(() => document.querySelector('#late').setAttribute('lang', 'fr'));
  assert.equal(await late.locator('h2').textContent(), "Fonds d'urgence Netflix–Audiens pour les intermittents de l'audiovisuel et du cinéma (2020)");
  assert.equal(await late.locator('input[value=artist]').isChecked(), true, 'answers survive a language change');
  await page.evaluate(() => document.querySelector('#late').setAttribute('programme', 'nope'));
  assert.match(await late.locator('[role=alert]').textContent(), /inconnu/);
  // A paragraph apart from the page, its margins kept by the widget's reset.
  assert.equal(await late.locator('[role=alert]').evaluate((p) => getComputedStyle(p).marginTop), '16px');
  await page.close();
});

test('every change of verdict is an eligibility-result event shaped like the CLI output', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  await page.evaluate(() => {
    window.results = [];
    document.addEventListener('eligibility-result', (event) => window.results.push(event.detail));
  });
  const widget = page.locator('eligibility-widget');
  await widget.locator('label.option:has(input[value=artist])').click();
  await widget.locator('label.option:has(input[name=rights_not_renewed_since_2020][value=no])').click();
  await widget.locator('label.option:has(input[name=no_rights_opened_2019][value=no])').click();
  const results = await page.evaluate(() => window.results);
  assert.equal(results.length, 3);
  const expected = evaluate('netflix-audiens-2020', {
    profession: 'artist', rights_not_renewed_since_2020: false, no_rights_opened_2019: false,
  }, { lang: 'fr' });
  assert.deepEqual(results.at(-1), expected);
  assert.equal(expected.status, 'not_eligible');
  await page.close();
});

test('on a 320 px phone screen nothing overflows', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`, { width: 320 });
  await ready(page);
  const widget = page.locator('eligibility-widget');
  await widget.locator('label.option:has(input[value=technician])').click();
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    widget: document.querySelector('eligibility-widget').getBoundingClientRect().right,
  }));
  assert.ok(widths.page <= 320 && widths.widget <= 320, JSON.stringify(widths));
  await page.close();
});

test('axe-core finds no accessibility violation, before and after a verdict, in both languages', async () => {
  const axe = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  for (const path of ['/', '/en.html', '/audiens.html', '/tous.html', '/uk.html']) {
    const { page } = await open(browser.context, `${browser.origin}${path}`);
    await ready(page);
    await page.addScriptTag({ content: axe });
    const check = async (when) => {
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }))
          .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
      assert.deepEqual(violations, [], `${path} ${when}`);
    };
    await check('at first');
    const widget = page.locator('eligibility-widget');
    // Answer what each form asks, first options first, until it asks for a number,
    // which gets a wrong one: every page shows an error, then verdicts.
    for (let asked = 0; asked < 8; asked += 1) {
      const text = widget.locator('.question:not([hidden]) input[type=text]');
      if (await text.count() > 0) {
        await text.first().fill('abc');
        await text.first().press('Enter');
        break;
      }
      const unanswered = widget.locator('.question:not([hidden]):not(:has(input:checked)) label.option');
      if (await unanswered.count() === 0) break;
      await unanswered.first().click();
    }
    await check('part-way, with an error shown if a number was asked');
    await widget.locator('.question:not([hidden]) label.option:has(input[value=other]:not([name=country]))').first().click();
    await widget.locator('.verdict:not([hidden]) details.sources summary').first().click();
    await check('with a verdict and the sources open');
    // The check must be able to fail: an unlabelled field inside the shadow root is seen.
    await widget.evaluate((host) => host.shadowRoot.querySelector('form').append(document.createElement('input')));
    await assert.rejects(check('with a planted defect'), /label/);
    await page.close();
  }
});
