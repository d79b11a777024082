// The live preview for rule authors: a pack from disk drawn as visitors would see it,
// drawn again when the file is saved, its problems shown with their places.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './harness.mjs';
import { preview } from '../../scripts/preview.mjs';
import { serve } from '../../scripts/serve.mjs';

let dir;
let pack;
let server;
let context;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eligibility-preview-'));
  pack = join(dir, 'my-pack.toml');
  await copyFile(new URL('../../packs/collectif-5050-mentorat-2021.toml', import.meta.url), pack);
  server = await preview(pack, 0);
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
});
after(async () => {
  await context?.close();
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

test('saving the pack redraws the widget, keeps the answers, and shows problems with their places', async () => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`http://127.0.0.1:${server.address().port}/preview.html`);
  const widget = page.locator('#preview');
  await page.waitForFunction(() => Number(document.body.dataset.loads) >= 1);
  assert.equal(await page.locator('#pack-file').textContent(), 'my-pack.toml');
  assert.equal(await widget.locator('h2').textContent(), 'Programme de mentorat du Collectif 50/50 soutenu par Netflix (2021)');
  await widget.locator('label.option:has(input[value=student])').click();

  const source = await readFile(pack, 'utf8');
  await writeFile(pack, source.replace('fr = "Programme de mentorat du Collectif 50/50 soutenu par Netflix (2021)"', 'fr = "Mentorat, version de travail"'));
  // A save may reach the page as several events: wait for what it changes.
  await widget.locator('h2', { hasText: 'Mentorat, version de travail' }).waitFor();
  assert.equal(await widget.locator('input[value=student]').isChecked(), true, 'the answers survive a save');
  assert.equal(await page.locator('#problems').isHidden(), true);

  await writeFile(pack, source.replace('condition = "mentoring_profile in [student, self_taught]"', 'condition = "mentoring_profile in [student, dancer]"'));
  await page.locator('#problems li', { hasText: 'dancer' }).waitFor();
  const problems = await page.locator('#problems li').allTextContents();
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /^collectif-5050-mentorat-2021:105:47: `dancer` is not an option of `mentoring_profile`/);
  assert.equal(await widget.locator('h2').textContent(), 'Mentorat, version de travail', 'the last good drawing stays');
  assert.deepEqual(errors, []);
  await page.close();
});

test('served by the demo server, which has no pack to give, the page says how to open the preview', async () => {
  const demo = await serve(0);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  try {
    await page.goto(`http://127.0.0.1:${demo.address().port}/preview.html`);
    await page.locator('#not-served').waitFor();
    assert.match(await page.locator('#not-served').textContent(), /make preview PACK=packs\/mon-pack\.toml/);
    assert.equal(await page.locator('#preview').evaluate((element) => element.shadowRoot), null, 'no widget drawn');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    demo.close();
  }
});
