// The page of the live preview (scripts/preview.mjs): loads the preview's build, draws
// the pack being written, and draws it again each time the file is saved. Served by the
// demo server (`make run`), which has no pack to give, it says how to open the preview.
const PACK = '/preview/pack';
const served = await fetch(PACK, { method: 'HEAD', cache: 'no-store' }).then((r) => r.ok && r.headers.has('x-pack-file'), () => false);
if (served) {
  const problems = document.getElementById('problems');
  const show = (lines) => {
    problems.hidden = lines === null;
    problems.querySelector('ul').replaceChildren(...(lines ?? []).map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }));
  };
  const load = async (preview) => {
    const response = await fetch(PACK, { cache: 'no-store' });
    const file = response.headers.get('x-pack-file') ?? 'pack';
    document.getElementById('pack-file').textContent = file;
    show(preview.load(await response.text(), file));
    document.body.dataset.loads = String(Number(document.body.dataset.loads ?? 0) + 1);
  };
  // One load after another, in the order of the saves; listening from before the
  // engine loads, and loading again at each (re)connection, so that no save is missed.
  let loads = import('./dist-preview/eligibility.js').then(async ({ default: init, Preview }) => {
    await init({ module_or_path: new URL('./dist-preview/eligibility_bg.wasm', import.meta.url) });
    return new Preview(document.getElementById('preview'));
  });
  const again = () => {
    loads = loads.then(async (preview) => {
      await load(preview).catch((error) => show([`${PACK}: ${error.message}`]));
      return preview;
    });
  };
  const events = new EventSource('/preview/events');
  events.addEventListener('open', again);
  events.addEventListener('message', again);
} else {
  document.getElementById('pack-file').hidden = true;
  document.getElementById('not-served').hidden = false;
}
