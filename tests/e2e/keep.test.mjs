// Keeping and sharing a result, in headless Chromium: the printed summary, the summary
// copied, the link to one's answers (made, opened, doctored, hostile), the `features`
// attribute, the keyboard, the strict CSP and Trusted Types pages, and that none of it
// sends or stores anything.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { programmes, questions as questionList } from '../../www/dist/index.js';
import { ACTED_FILES, answer, builtFiles, NOTHING_WRITTEN, open, questionsById, ready, server, sourcesCame, start, writtenSomewhere } from './harness.mjs';

let browser;
before(async () => {
  browser = await start();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: browser.origin });
});
after(async () => { await browser?.stop(); });

const nbsp = (text) => text.replace(/[\u00a0\u202f]/g, ' ');
const NETFLIX = questionsById(questionList, 'netflix-audiens-2020');
const ELIGIBLE = [['profession', 'artist'], ['rights_not_renewed_since_2020', true], ['days_worked', 12],
  ['works_on_netflix_production', false], ['annual_resources', '15000']];

const built = await builtFiles();
const OWN_FILES = new Set(['/dist/eligibility-widget.js',
  ...ACTED_FILES.map((logical) => `/dist/${built[logical].file}`)]);

/** What a page fetched beyond itself, its style and icon and the widget's own files. */
function strangers(requests, origin) {
  return requests.map((url) => new URL(url)).filter((url) => url.origin !== origin
    || !(OWN_FILES.has(url.pathname) || url.pathname.endsWith('.html') || url.pathname === '/'
      || ['/demo.css', '/favicon.svg', '/dark.css', '/theme.css'].includes(url.pathname))).map(String);
}

/** Answers the Netflix–Audiens questions of `ELIGIBLE` in a widget. */
async function answerEligible(widget, lang = 'fr') {
  for (const [id, value] of ELIGIBLE) await answer(widget, NETFLIX[id], value, lang);
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
const checked = (widget) => widget.locator('input:checked').evaluateAll((inputs) => inputs.map((i) => `${i.name}=${i.value}`));
const live = (widget) => widget.locator('.live');

test('a link to one\'s answers restores them on a new page, with the same verdict, and nothing leaves the page', async () => {
  const { page, requests, errors } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  await answerEligible(widget);
  const headline = await widget.locator('.headline').textContent();
  const history = await page.evaluate(() => history.length);
  await widget.getByRole('button', { name: 'Copier un lien vers mes réponses' }).click();
  await live(widget).filter({ hasText: 'Lien copié' }).waitFor();
  const link = await clipboard(page);
  const netflix = programmes().find((p) => p.id === 'netflix-audiens-2020');
  const prefix = `${browser.origin}/#eligibility=v1;p=netflix-audiens-2020,${netflix.version},${netflix.hash.slice(0, 12)};`;
  assert.ok(link.startsWith(prefix), link);
  assert.match(link.slice(link.indexOf('#') + 1), /^[A-Za-z0-9._~%;=,-]+$/, 'percent-safe');
  assert.match(link, /;a=profession,artist;/);
  assert.equal(page.url(), `${browser.origin}/`, "the page's own address is not changed");
  assert.equal(await page.evaluate(() => history.length), history, 'nor its history');

  const opened = await open(browser.context, link);
  await ready(opened.page);
  const restored = opened.page.locator('eligibility-widget');
  assert.equal(await restored.locator('.note').textContent(), 'Vos réponses ont été reprises du lien.');
  assert.deepEqual(await checked(restored), await checked(widget));
  assert.equal(await restored.locator('input[type=text][name=days_worked]').inputValue(), '12');
  assert.equal(await restored.locator('input[type=text][name=annual_resources]').inputValue(), '15000');
  assert.equal(await restored.locator('.headline').textContent(), headline);
  assert.equal(nbsp(headline), 'Vous êtes probablement éligible : 900 €');
  assert.equal(opened.page.url(), link, 'opening it changes no address either');
  // Starting over forgets the link's note too.
  await restored.locator('button.start-over').click();
  assert.equal(await restored.locator('.note').isHidden(), true);

  for (const [where, p, r] of [['made', page, requests], ['opened', opened.page, opened.requests]]) {
    assert.deepEqual(strangers(r, browser.origin), [], `${where}: requests`);
    assert.deepEqual(await p.evaluate(writtenSomewhere), NOTHING_WRITTEN, `${where}: storage`);
  }
  assert.deepEqual(await browser.context.cookies(), []);
  assert.deepEqual([...errors, ...opened.errors], []);
  await opened.page.close();
  await page.close();
});

test('a link made with other rules says so, restores what still fits and says what it left out', async () => {
  const fragment = '#eligibility=v1;p=netflix-audiens-2020,1.0.0,000000000000;a=profession,artist;'
    + 'a=rights_not_renewed_since_2020,yes;a=days_worked,douze;a=annual_resources,20%2C000,20000;a=retired_question,yes';
  const { page, errors } = await open(browser.context, `${browser.origin}/en.html${fragment}`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  const note = await widget.locator('.note').textContent();
  const version = programmes().find((p) => p.id === 'netflix-audiens-2020').version.replaceAll('.', '\\.');
  assert.match(note, new RegExp(`^Your answers were restored from the link\\. The rules of “Netflix–Audiens .*” changed since this link was made \\(version 1\\.0\\.0, now ${version}\\): the answers that still apply were restored\\. `));
  assert.match(note, /Not restored, as they no longer fit the questions: “How many days .*”; one answer to a question no longer asked\.$/);
  assert.deepEqual(await checked(widget), ['profession=artist', 'rights_not_renewed_since_2020=yes']);
  assert.equal(await widget.locator('input[type=text][name=days_worked]').inputValue(), '', 'a value the question refuses is left out');
  // `20,000` chosen as twenty thousand when the link was made: chosen again.
  assert.equal(await widget.locator('input[type=text][name=annual_resources]').inputValue(), '20,000');
  assert.equal(await widget.locator('.question:has(input[name=annual_resources]) .understood').textContent(), 'understood: €20,000');
  assert.equal(await live(widget).textContent(), note, 'said once by the live region');
  assert.deepEqual(errors, []);
  await page.close();
});

test("axe-core finds no violation with a link's note and the buttons, on the light and the dark page", async () => {
  const axe = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  const fragment = '#eligibility=v1;p=netflix-audiens-2020,1.0.0,000000000000;a=profession,artist;a=days_worked,douze';
  for (const path of ['/', '/dark.html']) {
    const { page } = await open(browser.context, `${browser.origin}${path}${fragment}`);
    await ready(page);
    assert.equal(await page.locator('eligibility-widget .note').first().isVisible(), true, path);
    await page.addScriptTag({ content: axe });
    const violations = () => page.evaluate(async () =>
      (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }))
        .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(await violations(), [], path);
    // After a print, the frame it leaves in the widget is no violation either.
    await page.evaluate(() => { window.print = () => {}; });
    await page.locator('eligibility-widget button[data-action=print]').first().click();
    const frame = await (await page.locator('eligibility-widget iframe.printer').first().elementHandle()).contentFrame();
    await frame.evaluate(() => { window.print = () => {}; });
    assert.deepEqual(await violations(), [], `${path}, after printing`);
    await page.close();
  }
});

test('hostile or damaged links are refused whole, never run, never crash the widget', async () => {
  const pin = 'p=netflix-audiens-2020,1.1.0,000000000000';
  const unreadable = [
    `#eligibility=v2;${pin};a=profession,artist`,
    `#eligibility=v1;${pin};a=profession,<img src=x onerror=window.pwned=1>`,
    `#eligibility=v1;${pin};a=profession,%E0%80%80`,
    `#eligibility=v1;${pin};a=profession,artist;a=profession,other`,
    `#eligibility=v1;${pin};a=profession,artist;x=1`,
    `#eligibility=v1;${pin};a=profession,${'a'.repeat(5000)}`,
    `#eligibility=v1;${pin};w=99999999999999999999999`,
  ];
  for (const fragment of unreadable) {
    const { page, errors } = await open(browser.context, `${browser.origin}/${fragment}`);
    await ready(page);
    const widget = page.locator('eligibility-widget');
    assert.equal(await widget.locator('.note').textContent(), "Le lien contient des réponses qui n'ont pas pu être lues : aucune n'a été reprise.".replace(' :', '\u00a0:'), fragment.slice(0, 80));
    assert.deepEqual(await checked(widget), [], fragment.slice(0, 80));
    assert.deepEqual(errors, [], fragment.slice(0, 80));
    await page.close();
  }
  // Read exactly, and still only text: a value the question refuses is left out and said.
  const script = '%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E';
  const { page, errors } = await open(browser.context, `${browser.origin}/#eligibility=v1;${pin};a=profession,${script};a=days_worked,${script}`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  assert.match(nbsp(await widget.locator('.note').textContent()), /^Vos réponses ont été reprises du lien\. Les règles de .* ont changé depuis ce lien .* Non reprises, car elles ne correspondent plus aux questions : « Êtes-vous .* » ; « Combien de jours .* »\.$/);
  assert.equal(await widget.evaluate((host) => host.shadowRoot.querySelectorAll('img').length), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
  // The page's own fragments, and links of other widgets, are left alone and unsaid.
  for (const fragment of ['#article', '#eligibility=v1;p=uk-film-tv-emergency-relief-2020,1.0.0,000000000000;a=country,gb']) {
    const other = await open(browser.context, `${browser.origin}/${fragment}`);
    await ready(other.page);
    assert.equal(await other.page.locator('eligibility-widget .note').isHidden(), true, fragment);
    assert.deepEqual(other.errors, []);
    await other.page.close();
  }
});

test('of two widgets of the same programmes, the link restores the one it was made in', async () => {
  const { page } = await open(browser.context, `${browser.origin}/two-widgets.html`);
  await ready(page, 0);
  await ready(page, 1);
  const second = page.locator('#second');
  await second.locator('label.option:has(input[value=technician])').click();
  await second.locator('button[data-action=share]').click();
  await live(second).filter({ hasText: 'Link copied' }).waitFor();
  const link = await clipboard(page);
  assert.match(link, /;w=1$/);
  const opened = await open(browser.context, link);
  await ready(opened.page, 0);
  await ready(opened.page, 1);
  assert.deepEqual(await checked(opened.page.locator('#first')), []);
  assert.deepEqual(await checked(opened.page.locator('#second')), ['profession=technician']);
  assert.equal(await opened.page.locator('#first .note').isHidden(), true);
  await opened.page.close();
  await page.close();
});

test('the summary copied, in French and in English: verdict, reasons, answers, day, sources, rules and link', async () => {
  for (const [path, lang, start, expected] of [
    ['/', 'fr', "Résumé de votre simulation d'éligibilité\nFait le ", ['\nVous êtes probablement éligible : 900 €\n', '\nPourquoi :\n- ✓ Critère rempli : ', '\nSources :\n- ', '\nVos réponses :\n- Êtes-vous artiste', ' — Artiste (', ' — 15 000 €\n', 'Résumé copié dans le presse-papiers.']],
    ['/en.html', 'en', 'Summary of your eligibility check\nMade on ', ['\nYou are likely eligible: €900\n', '\nWhy:\n- ✓ Criterion met: ', '\nSources:\n- ', '\nYour answers:\n- Are you', ' — Yes\n', ' — €15,000\n', 'Summary copied to the clipboard.']],
  ]) {
    const { page, errors } = await open(browser.context, `${browser.origin}${path}`);
    await ready(page);
    const widget = page.locator('eligibility-widget');
    await answerEligible(widget, lang);
    await widget.locator('button[data-action=copy]').click();
    const said = expected.pop();
    await live(widget).filter({ hasText: said }).waitFor();
    const text = nbsp(await clipboard(page));
    assert.ok(text.startsWith(start), text);
    for (const part of expected) assert.ok(text.includes(part), `${lang}: ${JSON.stringify(part)} in\n${text}`);
    const { hash, version } = await page.evaluate(async () => (await import('/dist/index.js')).programmes().find((p) => p.id === 'netflix-audiens-2020'));
    assert.ok(text.includes(hash) && text.includes(`version ${version}`), 'the rules, with their version and hash');
    assert.ok(text.includes('https://www.audiens.org/actu/fonds-netflix-audiens.html'), 'the official link');
    assert.ok(!text.includes('Netflix France et Audiens'), "nothing of the page's article");
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the sources come once the visitor acts; a summary kept before waits for them; sources that cannot come are said', async () => {
  const sourcesAt = `/dist/${built['sources.fr.txt'].file}`;
  const fetched = (requests) => requests.filter((url) => new URL(url).pathname === sourcesAt).length;
  const { page, requests, errors } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  const details = widget.locator('details.sources');
  await page.waitForLoadState('networkidle');
  assert.equal(fetched(requests), 0, 'not before the visitor acts');
  assert.match(await details.locator('div').textContent(), /^Chargement des sources…Règles netflix-audiens-2020/);
  // Copied first thing: the summary waits for the sources, says so, then is copied with them.
  await widget.locator('button[data-action=copy]').click();
  await live(widget).filter({ hasText: 'Résumé copié' }).waitFor();
  const text = nbsp(await clipboard(page));
  for (const part of ['\nSources :\n- ', 'https://sortiraparis.com/actualites/a-paris/articles/214334-', 'Le Film Français']) {
    assert.ok(text.includes(part), `${part} in\n${text}`);
  }
  // Opened, "Sources and rules" lists them, linked, with the pack's readings of them.
  await details.locator('summary').click();
  assert.equal(await details.getAttribute('open'), '');
  assert.equal(await details.locator('li a').count(), 8);
  assert.match(await details.locator('div > p').first().textContent(), /^Les critères se cumulent/);
  await widget.locator('label.option:has(input[value=artist])').click();
  assert.equal(fetched(requests), 1, 'fetched once');
  assert.deepEqual(errors, []);
  await page.close();

  // Sources that come while the visitor types: what is typed, and focus, stay.
  const slow = await open(browser.context, `${browser.origin}/`);
  await ready(slow.page);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await slow.page.route(`**${sourcesAt}`, async (route) => { await held; await route.continue(); });
  const typing = slow.page.locator('eligibility-widget');
  await answer(typing, NETFLIX.profession, 'technician', 'fr');
  await answer(typing, NETFLIX.rights_not_renewed_since_2020, true, 'fr');
  const field = typing.locator('input[type=text][name=days_worked]');
  await field.click();
  await field.pressSequentially('1234');
  release();
  await sourcesCame(typing);
  assert.equal(await field.inputValue(), '1234', 'what was typed');
  assert.equal(await typing.evaluate((host) => host.shadowRoot.activeElement?.name), 'days_worked', 'focus');
  await slow.page.close();

  // Two widgets: once the first has taken the sources in, a click in the second counts.
  const two = await open(browser.context, `${browser.origin}/two-widgets.html`);
  await ready(two.page);
  const [first, second] = [two.page.locator('#first'), two.page.locator('#second')];
  await first.locator('label.option:has(input[value=technician])').click();
  await sourcesCame(first);
  await second.locator('label.option:has(input[value=other])').click();
  assert.equal(await second.locator('input[value=other]').isChecked(), true);
  assert.equal(await second.locator('.verdict').getAttribute('data-status'), 'not_eligible');
  assert.deepEqual([...slow.errors, ...two.errors], []);
  await two.page.close();

  // Sources that fail their integrity: said where they would be and by the live region;
  // the summary is not made without them, and the form goes on.
  const site = await server({ tamper: (path, body) => (path === sourcesAt ? Buffer.concat([body, Buffer.from('x')]) : undefined) });
  try {
    const { page: broken, errors: logged } = await open(browser.context, `${site.origin}/`);
    await ready(broken);
    const form = broken.locator('eligibility-widget');
    await broken.evaluate(() => { window.print = () => { window.pagePrinted = true; }; });
    await form.locator('button[data-action=print]').click();
    const failed = "Le simulateur n'a pas pu charger les sources. Réessayez plus tard.";
    await live(form).filter({ hasText: failed }).waitFor();
    assert.match(await form.locator('details.sources div').textContent(), new RegExp(`^${failed.replace(/[.]/g, '\\.')}`));
    assert.equal(await form.locator('iframe.printer').count(), 0, 'nothing printed');
    assert.ok(logged.some((e) => /could not load sources\.fr\.[0-9a-f]{10}\.txt/.test(e)), logged.join('\n'));
    await form.locator('label.option:has(input[value=other])').click();
    assert.equal(await form.locator('.verdict').getAttribute('data-status'), 'not_eligible', 'the widget goes on');
    await broken.close();
  } finally {
    site.close();
  }
});

test('printing prints the summary alone, from a frame of the widget, and fits one page', async () => {
  const { page, errors } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  await page.evaluate(() => { window.print = () => { window.pagePrinted = true; }; });
  const widget = page.locator('eligibility-widget');
  await answerEligible(widget);
  const button = widget.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' });
  await button.click();
  const frame = await (await widget.locator('iframe.printer').elementHandle()).contentFrame();
  // The frame is reused: the second print is the one observed.
  await frame.evaluate(() => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; });
  await button.click();
  assert.equal(await frame.evaluate(() => window.printed), 1, "the frame's window is printed");
  assert.equal(await page.evaluate(() => window.pagePrinted), undefined, 'not the page');
  const printed = nbsp(await frame.evaluate(() => document.body.innerText));
  for (const part of ["Résumé de votre simulation d'éligibilité", 'Vous êtes probablement éligible : 900 €', 'Critère rempli',
    'Vos réponses', 'Artiste (', 'https://www.audiens.org/actu/fonds-netflix-audiens.html', 'Sources', 'empreinte SHA-256']) {
    assert.ok(printed.includes(part), `${part} in\n${printed}`);
  }
  assert.ok(!printed.includes('Netflix France et Audiens'), "nothing of the page's article");
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'fr');
  // On paper: the frame's document, with its own print styles, in one A4 page.
  const { html, css } = await frame.evaluate(() => ({
    html: document.documentElement.outerHTML,
    css: [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'),
  }));
  assert.match(css, /@page/);
  const paper = await browser.context.newPage();
  await paper.setContent(html);
  await paper.addStyleTag({ content: css });
  const pdf = (await paper.pdf({ format: 'A4' })).toString('latin1');
  assert.equal(pdf.match(/\/Type\s*\/Page\b/g)?.length, 1, 'one page');
  await paper.close();
  // Printed as it is with the page, the widget leaves out what paper cannot use.
  await page.emulateMedia({ media: 'print' });
  const shown = (selector) => widget.locator(selector).first().evaluate((e) => getComputedStyle(e).display !== 'none');
  for (const selector of ['.keep', '.actions', '.toolbar', 'label.option:has(input:not(:checked))']) {
    assert.equal(await shown(selector), false, `${selector} is not printed`);
  }
  assert.equal(await shown('label.option:has(input:checked)'), true, 'the answers are');
  assert.equal(await shown('.sources ul'), true, 'the sources are, though their <details> is closed');
  assert.deepEqual(errors, []);
  await page.close();
});

test('by keyboard: the buttons are reached with Tab, pressed with Enter or Space, with a visible focus', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  await answer(widget, NETFLIX.profession, 'other', 'fr');
  const group = widget.getByRole('group', { name: 'Garder ou partager le résultat' });
  assert.deepEqual(await group.getByRole('button').allTextContents(),
    ['Imprimer ou enregistrer en PDF', 'Copier le résumé', 'Copier un lien vers mes réponses']);
  assert.deepEqual(await group.locator('button').evaluateAll((b) => b.map((e) => e.type)), ['button', 'button', 'button']);
  await widget.locator('button.start-over').focus();
  const focused = () => widget.evaluate((host) => host.shadowRoot.activeElement?.dataset.action ?? null);
  // From "Start over", past the result's sources and official link, to the buttons.
  for (let i = 0; i < 10 && (await focused()) !== 'print'; i += 1) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'print');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'copy');
  const outline = await widget.locator('button[data-action=copy]').evaluate((b) => {
    const style = getComputedStyle(b);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  assert.equal(outline, 'solid 3px', 'the focus ring shows');
  await page.keyboard.press('Enter');
  await live(widget).filter({ hasText: 'Résumé copié' }).waitFor();
  assert.match(await clipboard(page), /^Résumé de votre simulation/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await live(widget).filter({ hasText: 'Lien copié' }).waitFor();
  assert.match(await clipboard(page), /#eligibility=v1;p=netflix-audiens-2020,.*;a=profession,other$/);
  await page.close();
});

test('a copy the browser or the page refuses is said, and the widget goes on', async () => {
  // No clipboard (an old browser, an insecure page); one that refuses; a page that
  // replaced writeText by a function returning no promise.
  const pages = {
    none: () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }),
    refused: () => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); },
    'no promise': () => { navigator.clipboard.writeText = () => undefined; },
  };
  for (const [what, before] of Object.entries(pages)) {
    const { page, errors } = await open(browser.context, `${browser.origin}/en.html`, { before });
    await ready(page);
    const widget = page.locator('eligibility-widget');
    await answer(widget, NETFLIX.profession, 'other', 'en');
    await widget.locator('button[data-action=copy]').click();
    await live(widget).filter({ hasText: 'Copying did not work: the browser refused it.' }).waitFor();
    await answer(widget, NETFLIX.profession, 'artist', 'en');
    assert.deepEqual(await checked(widget), ['profession=artist'], `${what}: the widget goes on`);
    assert.deepEqual(errors, [], what);
    await page.close();
  }
});

test('the features attribute turns buttons off, ignores unknown words, and -share ignores links', async () => {
  const { page } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  const actions = () => widget.locator('[data-action]').evaluateAll((b) => b.map((e) => e.dataset.action));
  assert.deepEqual(await actions(), ['print', 'copy', 'share']);
  await answer(widget, NETFLIX.profession, 'artist', 'fr');
  const set = (value) => page.evaluate((v) => document.querySelector('eligibility-widget').setAttribute('features', v), value);
  await set('-share -print');
  assert.deepEqual(await actions(), ['copy']);
  assert.deepEqual(await checked(widget), ['profession=artist'], 'the answers stay');
  await set('-copy -share -print');
  assert.equal(await widget.locator('.keep').count(), 0);
  await set('sparkle -nothing');
  assert.deepEqual(await actions(), ['print', 'copy', 'share']);
  await page.close();

  // A page whose widget has `-share` does not read links.
  const body = '<!doctype html><html lang="fr"><title>x</title><script src="/dist/eligibility-widget.js" async></script>'
    + '<eligibility-widget programme="netflix-audiens-2020" features="-share"></eligibility-widget>';
  const other = await server({ routes: { '/off.html': { body } } });
  try {
    const off = await open(browser.context, `${other.origin}/off.html#eligibility=v1;p=netflix-audiens-2020,1.1.0,000000000000;a=profession,artist`);
    await ready(off.page);
    const offWidget = off.page.locator('eligibility-widget');
    assert.deepEqual(await checked(offWidget), []);
    assert.equal(await offWidget.locator('.note').isHidden(), true);
    assert.deepEqual(await offWidget.locator('[data-action]').evaluateAll((b) => b.map((e) => e.dataset.action)), ['print', 'copy']);
    await off.page.close();
  } finally {
    other.close();
  }
});

test('under the strict CSP and Trusted Types: print, copy, share and a link opened, with no violation', async () => {
  for (const path of ['/strict-csp.html', '/trusted-types.html']) {
    const record = () => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    };
    const { page, errors, requests } = await open(browser.context, `${browser.origin}${path}`, { before: record });
    await ready(page);
    const widget = page.locator('eligibility-widget');
    await answerEligible(widget);
    await page.evaluate(() => { window.print = () => {}; });
    await widget.locator('button[data-action=print]').click();
    const frame = await (await widget.locator('iframe.printer').elementHandle()).contentFrame();
    assert.match(await frame.evaluate(() => document.body.innerText), /Vos réponses/, path);
    // 14pt from the frame's own sheet, not the browser's 2em.
    assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('h1')).fontSize), '18.6667px', `${path}: the frame's stylesheet applies`);
    await widget.locator('button[data-action=copy]').click();
    await live(widget).filter({ hasText: 'Résumé copié' }).waitFor();
    await widget.locator('button[data-action=share]').click();
    await live(widget).filter({ hasText: 'Lien copié' }).waitFor();
    const link = await clipboard(page);
    assert.ok(link.startsWith(`${browser.origin}${path}#eligibility=v1;`), link);
    const opened = await open(browser.context, link, { before: record });
    await ready(opened.page);
    assert.equal(await opened.page.locator('eligibility-widget .note').textContent(), 'Vos réponses ont été reprises du lien.');
    for (const p of [page, opened.page]) assert.deepEqual(await p.evaluate(() => window.violations), [], path);
    assert.deepEqual([...errors, ...opened.errors], [], path);
    assert.deepEqual(strangers([...requests, ...opened.requests], browser.origin), [], path);
    await opened.page.close();
    await page.close();
  }
});
