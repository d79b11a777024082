// Shared by the end-to-end tests: the demo server, headless Chromium from Debian,
// the scenario files, and a visitor who answers with the mouse and the keyboard.
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { parse } from 'smol-toml';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Starts the demo server on a free port and Chromium with a fresh profile. */
export async function start() {
  const server = await serve(0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = await mkdtemp(join(tmpdir(), 'eligibility-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    origin,
    context,
    async stop() {
      await context.close();
      server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a page, recording every request it makes and every error it logs. `before`
 * runs in the page before its own scripts (page.addInitScript). */
export async function open(context, url, { width = 1024, height = 900, before } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  if (before) await page.addInitScript(before);
  await page.goto(url);
  return { page, requests, errors };
}

/** Every place a page could have written to, as the page sees it (for `page.evaluate`). */
export async function writtenSomewhere() {
  return {
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    cookie: document.cookie,
  };
}
export const NOTHING_WRITTEN = { local: 0, session: 0, databases: 0, caches: 0, cookie: '' };

/** Another server (scripts/serve.mjs with `options`) on a free port: another origin. */
export async function server(options) {
  const started = await serve(0, options);
  return { origin: `http://127.0.0.1:${started.address().port}`, close: () => started.close() };
}

/** The files the element script loads beside itself, by logical name (files.json):
 * the element's module with its glue, its engine, which has no JS API (scripts/build.sh),
 * and the programmes' texts in the language of a widget in French, that of the pages
 * these tests open unless they say otherwise. */
export const ELEMENT_FILES = ['element.js', 'element-engine_bg.wasm', 'texts.fr.txt'];

/** The files a widget in French has loaded once the visitor acted in it (an answer, a
 * click): those it loads at first, and the programmes' sources in French. */
export const ACTED_FILES = [...ELEMENT_FILES, 'sources.fr.txt'];

/** Waits until the sources a widget (a locator) asked for have come: "Sources and rules"
 * lists them, linked, in its closed `<details>`. */
export async function sourcesCame(widget) {
  await widget.locator('.sources li a').first().waitFor({ state: 'attached' });
}

/** The build's files.json: logical name → { file, integrity }. */
export async function builtFiles() {
  return JSON.parse(await readFile(new URL('www/dist/files.json', root), 'utf8'));
}

/** Waits until the page has rendered what its DOM holds now: two animation frames. */
export async function painted(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** For `open`'s `before`: records every layout shift of the page from its start. */
export function recordLayoutShifts() {
  window.layoutShifts = [];
  window.layoutShiftObserver = new PerformanceObserver((list) => window.layoutShifts.push(...list.getEntries()));
  window.layoutShiftObserver.observe({ type: 'layout-shift', buffered: true });
}

/** The layout shifts of the frames rendered so far, after `since` (ms of the page's
 * clock): their sum (what the page's CLS is at most) and what moved. */
export async function layoutShifts(page, since = 0) {
  await painted(page);
  return page.evaluate((since) => {
    const entries = window.layoutShifts.concat(window.layoutShiftObserver.takeRecords())
      .filter((e) => e.startTime >= since && !e.hadRecentInput);
    const moved = entries.flatMap((e) => e.sources.map((s) => s.node?.nodeName ?? '?'));
    return { total: entries.reduce((sum, e) => sum + e.value, 0), moved };
  }, since);
}

/** Waits until the widget (the nth on the page) has drawn its form. */
export async function ready(page, nth = 0) {
  await page.locator('eligibility-widget').nth(nth).locator('#form').waitFor();
}

/** Every scenario file, parsed: [{ file, programmes, single, today, scenarios }]; a file
 * of one `programme` is a form of one. */
export async function scenarioFiles() {
  const dir = new URL('tests/scenarios/', root);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.toml')).sort();
  return Promise.all(names.map(async (file) => {
    const parsed = parse(await readFile(new URL(file, dir), 'utf8'));
    const single = typeof parsed.programme === 'string';
    return { file, programmes: single ? [parsed.programme] : parsed.programmes, single, today: parsed.today, scenarios: parsed.scenarios };
  }));
}

/** Every scenario as a case: its file, its form, and the day to evaluate it on. */
export async function scenarioCases(keep = () => true) {
  const cases = [];
  for (const { file, programmes, single, today, scenarios } of await scenarioFiles()) {
    if (!keep(programmes)) continue;
    for (const scenario of scenarios) {
      cases.push({ file, programmes, single, today: scenario.today ?? today ?? DEFAULT_DAY, scenario });
    }
  }
  return cases;
}

/** The scenarios of the built-in programmes that JavaScript can give (the test-only
 * packs are not in the WebAssembly build; see `usesTomlFloat`), at least 80 of them. */
export async function builtinCases(api) {
  const builtins = new Set(api.programmes().map((p) => p.id));
  const cases = (await scenarioCases((programmes) => programmes.every((id) => builtins.has(id))))
    .filter((c) => !usesTomlFloat(c.scenario));
  if (cases.length < 80) throw new Error(`only ${cases.length} scenarios for the built-in programmes`);
  return cases;
}

/** The day scenarios without a `today` are evaluated on (as in src/scenario.rs). */
export const DEFAULT_DAY = '2020-04-15';

/** TOML integers and strings pass to JavaScript as they are; a TOML float has no
 * JavaScript counterpart to refuse (a JS number is a fine answer), so the scenarios
 * that use one to test the TOML reader are left to the native suite. */
export const usesTomlFloat = (scenario) =>
  Object.values(scenario.answers ?? {}).some((v) => typeof v === 'number' && !Number.isInteger(v));

/** `"500..900 EUR"` → { min: "500", max: "900", currency: "EUR" }; `"100.. EUR"` has
 * no max (null); `"none"` → null. */
export function expectedAmount(text) {
  if (text === 'none') return null;
  const [numbers, currency] = text.split(' ');
  const [min, max = min] = numbers.split('..');
  return { currency, min, max: max === '' ? null : max };
}

/** What one programme's report must say, as a scenario gives it (for a single
 * programme at its top, for a form under `expect.<id>`). */
const expectations = (case_, id) => (case_.single ? case_.scenario : case_.scenario.expect?.[id] ?? {});

/** Compares a report with expectations; returns what differs. Fields not given are not checked. */
export function differences(expected, report) {
  const problems = [];
  if (expected.status !== undefined && report.status !== expected.status) problems.push(`status ${report.status}, expected ${expected.status}`);
  if (expected.amount !== undefined) {
    const amount = expectedAmount(expected.amount);
    const same = amount === null
      ? report.amount === null
      : report.amount !== null && report.amount.currency === amount.currency && Number(report.amount.min) === Number(amount.min)
        && (amount.max === null ? report.amount.max === null : Number(report.amount.max) === Number(amount.max));
    if (!same) problems.push(`amount ${JSON.stringify(report.amount)}, expected ${expected.amount}`);
  }
  if (expected.starts !== undefined) {
    const starts = report.benefit?.kind === 'place' ? report.benefit.starts : [];
    if (JSON.stringify(starts) !== JSON.stringify(expected.starts)) problems.push(`starts ${JSON.stringify(starts)}, expected ${JSON.stringify(expected.starts)}`);
  }
  if (expected.window !== undefined && report.window.state !== expected.window) problems.push(`window ${report.window.state}, expected ${expected.window}`);
  if (expected.next_question !== undefined) {
    const next = report.next_question ?? 'none';
    if (next !== expected.next_question) problems.push(`next question ${next}, expected ${expected.next_question}`);
  }
  if (expected.depends_on !== undefined && JSON.stringify(report.depends_on) !== JSON.stringify(expected.depends_on)) {
    problems.push(`depends on ${JSON.stringify(report.depends_on)}, expected ${JSON.stringify(expected.depends_on)}`);
  }
  if (expected.changes !== undefined) {
    const changes = report.changes.map(changeLine);
    if (JSON.stringify(changes) !== JSON.stringify(expected.changes)) problems.push(`changes ${JSON.stringify(changes)}, expected ${JSON.stringify(expected.changes)}`);
  }
  return problems;
}

/** A change as scenario files write it (as in src/scenario.rs): `days_worked >= 12 => eligible 500 EUR`. */
export function changeLine(change) {
  const parts = [];
  if (change.answer !== undefined) parts.push(`= ${change.answer === true ? 'yes' : change.answer === false ? 'no' : change.answer}`);
  for (const [op, key] of [['>=', 'at_least'], ['>', 'more_than'], ['<=', 'at_most'], ['<', 'less_than']]) {
    if (change[key] !== undefined) parts.push(`${op} ${change[key]}`);
  }
  const money = change.benefit?.kind === 'money' ? change.benefit : null;
  const amount = money === null ? ''
    : money.max === null ? ` ${money.min}.. ${money.currency}`
      : money.max === money.min ? ` ${money.min} ${money.currency}` : ` ${money.min}..${money.max} ${money.currency}`;
  return `${change.question} ${parts.join(' and ')} => ${change.status}${amount}`;
}

/** Evaluates a case with the API given (in Node or in a page); reports in English, as
 * the scenarios' `starts` are. */
export function outcomeOf(api, case_) {
  const { programmes, single, today, scenario } = case_;
  try {
    const answers = scenario.answers ?? {};
    const reports = api.evaluate(single ? programmes[0] : programmes, answers, { lang: 'en', today });
    return { reports: single ? [reports] : reports, next: api.nextQuestion(programmes, answers) };
  } catch (error) {
    return { error: String(error.message) };
  }
}

/** What differs between a case's expectations and its outcome. */
export function check(case_, { reports, next, error }) {
  const { file, scenario, programmes, single } = case_;
  const where = `${file}: ${scenario.name}`;
  if (scenario.error) {
    return error?.includes(scenario.error) ? [] : [`${where}: expected an error containing ${scenario.error}, got ${error ?? 'a report'}`];
  }
  if (error) return [`${where}: ${error}`];
  const problems = [];
  if (!single && (next ?? 'none') !== scenario.next_question) problems.push(`${where}: the form's next question ${next}, expected ${scenario.next_question}`);
  programmes.forEach((id, i) => {
    problems.push(...differences(expectations(case_, id), reports[i]).map((d) => `${where}: ${id}: ${d}`));
  });
  return problems;
}

/** The questions of a programme by id, as `questions()` of the JS API lists them. */
export function questionsById(questions, programme) {
  return Object.fromEntries(questions(programme).map((q) => [q.id, q]));
}

/** Answers one question in a widget as a visitor: a click on the option's label for
 * choices and yes/no, typing then Enter for numbers (in French: `15000,01`). */
export async function answer(widget, question, value, lang) {
  if (value === 'unknown') {
    // "I don't know": a radio beside the options, or a box beside a number's field.
    await widget.locator(`label.option:has(input[name="${question.id}"][value="unknown"])`).click();
    return;
  }
  if (question.type === 'yes_no' || question.type === 'choice') {
    const option = question.type === 'yes_no' ? (value ? 'yes' : 'no') : value;
    await widget.locator(`label.option:has(input[name="${question.id}"][value="${option}"])`).click();
    return;
  }
  const input = widget.locator(`input[type=text][name="${question.id}"]`);
  await input.click();
  await input.press('Control+A');
  const typed = lang === 'fr' ? String(value).replace('.', ',') : String(value);
  await input.pressSequentially(typed);
  await input.press('Enter');
}
