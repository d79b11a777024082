// Where the time of one evaluate() goes: `node bench/profile.mjs` (after
// `scripts/build.sh`; `make bench` runs it). It runs wasm-bindgen again on the release
// build of the library (target/wasm32-unknown-unknown/release/eligibility.wasm) into
// target/bench-profile/, keeping the function names that www/dist strips (and without
// wasm-opt, so the code differs a little from what ships), then samples Node's CPU
// profiler (--cpu-prof) while evaluate() runs over the seeded answer sets of
// bench/peers.mjs, and prints each stage's share of the samples: a stage's share counts
// every sample with one of its functions on the stack (inclusive time), out of the
// samples inside evaluate(). Shares, not times: sampling slows everything alike.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const SECONDS = Number(process.env.SECONDS_PER_PROFILE ?? 3);
const root = new URL('../', import.meta.url);
const out = new URL('target/bench-profile/', root);
const built = new URL(`${process.env.CARGO_TARGET_DIR ? `file://${process.env.CARGO_TARGET_DIR}/` : 'target/'}wasm32-unknown-unknown/release/eligibility.wasm`, root);

// Stages of wasm::evaluate, by the functions that mark them on the stack. A sample is
// counted in every stage whose pattern is on its stack; nested stages say "of which".
const STAGES = [
  ['evaluate() in all: the JS wrapper, the glue, WebAssembly', /^evaluate$/],
  ['reading the answers: the object\'s keys, each changed value to its typed call (index.js `answer`)', /^answer$/],
  ['  of which checking them against the questions (Session::set, Session::choose)', /session::Session::(set|choose)\b/],
  ['the language and the day (`setOptions`, which crosses only when they changed)', /^setOptions$/],
  ['the outcome: looked up by the regions of the answers, or evaluated (Session::outcome)', /session::Session::outcome\b/],
  ['  of which evaluated by the engine: criteria, amount, open questions (Form::evaluate_one)', /Form::evaluate_one/],
  ['the report, assembled in JS from numbers (index.js `verdict`)', /^verdict$/],
  ['  of which the numbers of the verdict and criteria (JsSession::verdict, JsSession::criteria)', /JsSession::(verdict|criteria)\b/],
  ['  of which the benefit (JsSession::benefit, kept made)', /JsSession::benefit\b/],
];

if (process.argv[2] === 'child') {
  // The profiled run: evaluate() over one workload for SECONDS.
  const { evaluate } = await import(new URL('index.js', out));
  const { answerSets } = await import('./answer-sets.mjs');
  const { sets } = answerSets(10_000)[Number(process.argv[3])];
  const until = Date.now() + SECONDS * 1000;
  let sink = 0;
  while (Date.now() < until) for (const answers of sets) sink += evaluate('netflix-audiens-2020', answers).criteria.length;
  if (!sink) throw new Error('no evaluation');
} else {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', fileURLToPath(out), '--out-name', 'eligibility', fileURLToPath(built)]);
  await copyFile(new URL('www/package/index.js', root), new URL('index.js', out));
  const { answerSets } = await import('./answer-sets.mjs');
  const names = answerSets(1).map((w) => w.name);
  const shares = [];
  const selfTop = [];
  for (const [w] of names.entries()) {
    const dir = new URL(`profile-${w}/`, out);
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${fileURLToPath(dir)}`, fileURLToPath(import.meta.url), 'child', String(w)], { stdio: 'inherit' });
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
    const profile = JSON.parse(await readFile(new URL(file, dir), 'utf8'));
    const { stages, self } = analyse(profile);
    shares.push(stages);
    selfTop.push(self);
  }
  console.log(`Share of evaluate()'s CPU samples on the seeded sets, ${SECONDS} s each (names-kept build, not wasm-opt'd):\n`);
  console.log(`| stage | ${names.join(' | ')} |\n|---|${names.map(() => '---:').join('|')}|`);
  for (const [i, [label]] of STAGES.entries()) {
    console.log(`| ${label.replace(/^ {2}/, '… ')} | ${shares.map((s) => `${(100 * s[i]).toFixed(0)} %`).join(' | ')} |`);
  }
  for (const [w, name] of names.entries()) {
    console.log(`\nThe ten functions with the most samples of their own, in evaluate() (${name}):`);
    for (const [fn, share] of selfTop[w].slice(0, 10)) console.log(`  ${(100 * share).toFixed(1).padStart(4)} %  ${fn}`);
  }
  await writeFile(new URL('README.txt', out), 'Made by bench/profile.mjs: a names-kept build and CPU profiles (open them in Chrome DevTools).\n');
}

/** Each stage's inclusive share of the samples, and functions by their own share. */
function analyse(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  // Legacy (`a::b::h0123…`) and v0 (`<a[0123…]::B>::c`, the nightly's) names alike: `a::B::c`.
  const clean = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]+\]/g, '').replace(/[<>]/g, '');
  const stageTime = STAGES.map(() => 0);
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const names = [];
    for (let at = id; at !== undefined; at = parent.get(at)) names.push(clean(nodes.get(at).callFrame.functionName));
    if (!names.some((n) => STAGES[0][1].test(n))) return; // the loop, making the sets, idle
    total += dt;
    STAGES.forEach(([, pattern], s) => { if (names.some((n) => pattern.test(n))) stageTime[s] += dt; });
    self.set(names[0], (self.get(names[0]) ?? 0) + dt);
  });
  return {
    stages: stageTime.map((t) => t / total),
    self: [...self.entries()].map(([n, t]) => [n.length > 110 ? `${n.slice(0, 110)}…` : n, t / total]).sort((a, b) => b[1] - a[1]),
  };
}
