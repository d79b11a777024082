// The readable page of each shipped programme, in French and English, as
// scripts/build.sh writes them with `eligibility page` and the demo server serves them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../www/dist/index.js';
import { serve } from '../../scripts/serve.mjs';

let server;
let origin;
before(async () => {
  server = await serve(0);
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => server?.close());

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;').replace(/'/g, '&#39;');

test('the demo server serves a page per shipped programme and language', async () => {
  const programmes = api.programmes();
  assert.ok(programmes.length >= 4);
  for (const { id } of programmes) {
    for (const lang of ['fr', 'en']) {
      const response = await fetch(`${origin}/dist/pages/${id}.${lang}.html`);
      assert.equal(response.status, 200, `${id}.${lang}.html`);
      assert.match(response.headers.get('content-type'), /^text\/html/);
      const html = await response.text();
      assert.ok(html.startsWith(`<!doctype html>\n<html lang="${lang}">`), `${id}.${lang}`);
      const [programme] = api.programmes({ lang }).filter((p) => p.id === id);
      assert.ok(html.includes(`<h1>${escape(programme.name)}</h1>`), `${id}.${lang}: the name`);
      // What the JS API asks is what the page says is asked.
      for (const question of api.questions(id, { lang })) {
        assert.ok(html.includes(`<li id="q-${question.id}"><p class="label">${escape(question.label)}</p>`), `${id}.${lang}: ${question.id}`);
      }
      assert.ok(html.includes(programme.hash) && html.includes(programme.version), `${id}.${lang}: version and hash`);
      assert.ok(!/<script|<link|\ssrc=/.test(html), `${id}.${lang}: a script or an external resource`);
    }
  }
});
