// index.d.ts, the package's types, as a developer's strict TypeScript project reads
// them: the README's examples type-check, in a browser project and in a Node one, and
// the types refuse what the API refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const types = fileURLToPath(new URL('../../www/dist/index.d.ts', import.meta.url));

const USES = `
import { evaluate, nextQuestion, questions, programmes, Session, type EvaluationReport } from 'eligibility-widget';

const one: EvaluationReport = evaluate('netflix-audiens-2020', { profession: 'artist', days_worked: 12 }, { lang: 'en', today: '2020-04-15' });
const several: EvaluationReport[] = evaluate(['netflix-audiens-2020', 'uk-film-tv-emergency-relief-2020'], { country: 'gb' });
const chosen: string | string[] = Math.random() > 0.5 ? 'netflix-audiens-2020' : ['netflix-audiens-2020'];
const either: EvaluationReport | EvaluationReport[] = evaluate(chosen, {});
const next: string | null = nextQuestion(['netflix-audiens-2020'], {});
questions('netflix-audiens-2020', { lang: 'fr' }).map((q) => q.id);
programmes().map((p) => p.version);
const session = new Session('netflix-audiens-2020', { lang: 'en' });
session.set(session.question('days_worked'), 12);
const status: 'eligible' | 'not_eligible' | 'undetermined' = session.status();
session.report().criteria.map((c) => c.status);
session.free();
export { one, several, either, next, status };
`;

const BROWSER = `
import type { EvaluationReport } from 'eligibility-widget';
const widget = document.querySelector('eligibility-widget');
widget?.addEventListener('eligibility-result', (event) => { const report: EvaluationReport = event.detail; report.status; });
widget?.addEventListener('click', () => {}, { once: true });
document.addEventListener('eligibility-result', (event) => event.detail.programme);
window.addEventListener('eligibility-result', (event) => event.detail.amount?.max);
const element: HTMLElement | null = widget;
export { element };
`;

const WRONG = `
import { evaluate } from 'eligibility-widget';
evaluate('netflix-audiens-2020', { profession: 'artist' }, { lang: 'de' });
`;

/** tsc's output on `files` in a project of its own, `lib` its libraries; '' when clean. */
async function check(files, lib) {
  const dir = await mkdtemp(join(tmpdir(), 'eligibility-types-'));
  try {
    const pkg = join(dir, 'node_modules', 'eligibility-widget');
    await mkdir(pkg, { recursive: true });
    await cp(types, join(pkg, 'index.d.ts'));
    await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: 'eligibility-widget', type: 'module', types: 'index.d.ts', exports: { '.': { types: './index.d.ts', default: './index.js' } } }));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', lib, ...Object.keys(files)];
    try {
      execFileSync(process.execPath, [tsc, ...args], { cwd: dir, encoding: 'utf8' });
      return '';
    } catch (error) {
      return String(error.stdout);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("the README's uses type-check in a strict browser project and in a Node one", async () => {
  assert.equal(await check({ 'uses.ts': USES, 'browser.ts': BROWSER }, 'es2022,dom'), '');
  assert.equal(await check({ 'uses.ts': USES }, 'es2022'), '', 'a Node project without the DOM library');
});

test('the types refuse a language the API refuses', async () => {
  assert.match(await check({ 'wrong.ts': WRONG }, 'es2022,dom'), /^wrong\.ts\(3,1\): error TS2769: No overload matches this call/m);
});
