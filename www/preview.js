// The page of the live preview (scripts/preview.mjs): loads the preview's build, draws
// the pack being written, and draws it again each time the file is saved. Served by the
// demo server (`make run`), which has no pack to give, it says how to open the preview.
const first = await fetch('/preview/pack', { cache: 'no-store' }).catch(() => null);
if (first?.ok && first.headers.has('x-pack-file')) {
  const { default: init, Preview } = await import('./dist-preview/eligibility.js');
  await init({ module_or_path: new URL('./dist-preview/eligibility_bg.wasm', import.meta.url) });
  const preview = new Preview(document.getElementById('preview'));
  const problems = document.getElementById('problems');

  const load = async (response) => {
    const file = response.headers.get('x-pack-file');
    document.getElementById('pack-file').textContent = file;
    const errors = preview.load(await response.text(), file);
    problems.hidden = errors === null;
    problems.querySelector('ul').replaceChildren(...(errors ?? []).map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }));
    document.body.dataset.loads = String(Number(document.body.dataset.loads ?? 0) + 1);
  };

  await load(first);
  new EventSource('/preview/events').addEventListener('message', async () => load(await fetch('/preview/pack', { cache: 'no-store' })));
} else {
  document.getElementById('not-served').hidden = false;
}
