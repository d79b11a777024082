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

// A panic in the shipped engine is a bare WebAssembly trap (scripts/build.sh builds it
// with panic=immediate-abort): no hook runs, and the element script is what shows that
// the widget stopped. The engine is built never to panic, so the traps here are real
// ones provoked from outside: an engine call given a pointer far outside its memory,
// once from a listener inside the widget's event (as a trap in the engine's own
// listener would come), once from the element's own call (an attribute changed).
test('a trap in the engine stops only the widget at work, which says so and gives the official links', async () => {
  const { page, errors } = await open(browser.context, `${browser.origin}/two-widgets.html`);
  await ready(page, 0);
  await ready(page, 1);
  const [first, second] = [page.locator('#first'), page.locator('#second')];
  const trap = () => {
    const host = document.querySelector('#first');
    host.shadowRoot.querySelector('input[value=artist]').addEventListener('change', () => {
      Object.getPrototypeOf(host.widget).refresh.call({ __wbg_ptr: 0xfffffff0 });
    });
  };
  await page.evaluate(trap);
  await first.locator('label.option:has(input[value=artist])').click();
  await first.locator('.fallback').waitFor();
  assert.equal(await first.locator('.fallback[role=status] p').textContent(),
    "Le simulateur s'est arrêté sur une erreur. Les conditions officielles et la demande d'aide\u00a0:");
  assert.match(await first.locator('.fallback a').getAttribute('href'), /^https:\/\//);
  assert.equal(await first.locator('#form').count(), 0);
  assert.equal(await page.evaluate(() => document.querySelector('#first').widget), undefined, 'let go of');
  // What the element logs, and the browser's own report of the error the listener threw.
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.ok(errors.some((e) => /^eligibility-widget: The checker stopped on an error\. .*RuntimeError/s.test(e)), errors[0]);
  assert.ok(errors.some((e) => /^RuntimeError: memory access out of bounds/.test(e)), errors[1]);

  await second.locator('label.option:has(input[value=other])').click();
  assert.equal(await second.locator('.verdict').getAttribute('data-status'), 'not_eligible', 'the other widget goes on');

  await page.evaluate(() => { document.querySelector('#second').widget.__wbg_ptr = 0xfffffff0; });
  await page.evaluate(() => document.querySelector('#second').setAttribute('lang', 'fr'));
  await second.locator('.fallback').waitFor();
  assert.equal(await second.locator('.fallback p').textContent(),
    "Le simulateur s'est arrêté sur une erreur. Les conditions officielles et la demande d'aide\u00a0:");
  await page.evaluate(() => document.querySelector('#second').setAttribute('lang', 'en'));
  assert.equal(await second.locator('.fallback p').textContent(),
    'The checker stopped on an error. The official terms and how to apply:', 'the fallback follows the attributes');
  assert.equal(errors.length, 3, 'a trap in its own call is caught, and logged once');
  await page.close();
});

// The DOM calls the engine makes on its own nodes are imported without `catch`
// (src/widget/dom/element.rs): on a page that replaced one so that it throws, the
// exception leaves through the engine and skips the release of the widget's state.
// The element script sees the engine still busy once the event is over, and stops
// the widget as after a trap, rather than leave it queueing the visitor's answers.
test('a DOM call that throws through the engine stops the widget, which says so', async () => {
  const { page, errors } = await open(browser.context, `${browser.origin}/two-widgets.html`);
  await ready(page, 0);
  await ready(page, 1);
  const [first, second] = [page.locator('#first'), page.locator('#second')];
  await page.evaluate(() => {
    const real = Element.prototype.setAttribute;
    // Throws once, then is the browser's again: the page is whole, the widget's state is not.
    Element.prototype.setAttribute = function () {
      Element.prototype.setAttribute = real;
      throw new Error('a hostile setAttribute');
    };
  });
  await first.locator('label.option:has(input[value=artist])').click();
  await first.locator('.fallback').waitFor();
  assert.equal(await first.locator('.fallback[role=status] p').textContent(),
    "Le simulateur s'est arrêté sur une erreur. Les conditions officielles et la demande d'aide\u00a0:");
  assert.equal(await page.evaluate(() => document.querySelector('#first').widget), undefined, 'let go of');
  assert.ok(errors.some((e) => /^eligibility-widget: The checker stopped on an error\. .*left busy/s.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /a hostile setAttribute/.test(e)), errors.join('\n'));
  await second.locator('label.option:has(input[value=other])').click();
  assert.equal(await second.locator('.verdict').getAttribute('data-status'), 'not_eligible', 'the other widget goes on');

  // The same in the element's own call: an attribute changed, the widget redrawn.
  await page.evaluate(() => {
    const real = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function () {
      Element.prototype.setAttribute = real;
      throw new Error('another hostile setAttribute');
    };
    document.querySelector('#second').lang = 'fr';
  });
  await second.locator('.fallback').waitFor();
  assert.equal(await second.locator('.fallback p').textContent(),
    "Le simulateur s'est arrêté sur une erreur. Les conditions officielles et la demande d'aide\u00a0:");
  assert.ok(errors.some((e) => /another hostile setAttribute/.test(e)), errors.join('\n'));
  await page.close();
});
