// A widget's life on a page that adds and removes it (single-page sites, infinite
// scroll): a removed element is freed, a returning one keeps its answers, and many
// add/remove cycles leave no listener or heap behind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, start } from './harness.mjs';

let browser;
before(async () => { browser = await start(); });
after(async () => { await browser?.stop(); });

test('a removed widget is freed, keeps its answers for its return, and hundreds of cycles leave nothing behind', async () => {
  const { page, errors } = await open(browser.context, `${browser.origin}/`);
  await ready(page);
  const widget = page.locator('eligibility-widget');
  await widget.locator('label.option:has(input[value=technician])').click();
  await page.evaluate(() => {
    const element = document.querySelector('eligibility-widget');
    window.parked = element;
    element.remove();
  });
  assert.equal(await page.evaluate(() => window.parked.widget), undefined, 'freed on leaving the page');
  await page.evaluate(() => document.querySelector('article').append(window.parked));
  await widget.locator('#form').waitFor();
  assert.equal(await widget.locator('input[value=technician]').isChecked(), true, 'the answers come back with it');
  await widget.locator('label.option:has(input[name=rights_not_renewed_since_2020][value=yes])').click();
  assert.equal(await widget.locator('.verdict').getAttribute('data-status'), 'undetermined', 'and it works');

  const cdp = await page.context().newCDPSession(page);
  const counters = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { jsEventListeners, nodes } = await cdp.send('Memory.getDOMCounters');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { jsEventListeners, nodes, usedSize };
  };
  const cycles = (n) => page.evaluate(async (n) => {
    for (let i = 0; i < n; i += 1) {
      const element = document.createElement('eligibility-widget');
      element.setAttribute('programme', 'netflix-audiens-2020 audiens-fonds-solidarite-2020');
      element.setAttribute('loading', 'eager');
      document.body.append(element);
      await new Promise((done) => requestAnimationFrame(done));
      element.shadowRoot.querySelector('input[value=artist]')?.click();
      element.remove();
    }
  }, n);
  await cycles(20);
  const before = await counters();
  await cycles(300);
  const after = await counters();
  assert.ok(after.jsEventListeners - before.jsEventListeners < 20, `listeners ${before.jsEventListeners} → ${after.jsEventListeners}`);
  assert.ok(after.nodes - before.nodes < 2000, `DOM nodes ${before.nodes} → ${after.nodes}`);
  assert.ok(after.usedSize - before.usedSize < 2_000_000, `JS heap ${before.usedSize} → ${after.usedSize}`);
  assert.deepEqual(errors, []);
  await page.close();
});
