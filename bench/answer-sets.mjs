// The fixed, seeded answer sets of the Netflix–Audiens pack that the Node benchmarks
// time (bench/peers.mjs, bench/profile.mjs): the same sets on every run and machine.

export const SEED = 0x7e1ec7;

/** mulberry32: a small, seeded, well-mixed PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct answer sets. `complete`: every question of the pack answered; else
 * each is answered with probability 1/2 (the form part-way through, where three-valued
 * logic and the choice of the next question are at work). Values straddle the
 * boundaries: days around 12, resources around 15,000 (with cents half the time).
 * Money is a JS number, which every engine compared takes. */
function draw(random, count, complete) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const answer = {
    profession: () => pick(['artist', 'artist', 'technician', 'technician', 'other']),
    rights_not_renewed_since_2020: () => random() < 0.5,
    no_rights_opened_2019: () => random() < 0.5,
    days_worked: () => (random() < 0.5 ? Math.floor(random() * 25) : Math.floor(random() * 367)),
    works_on_netflix_production: () => random() < 0.2,
    annual_resources: () => {
      const r = random();
      if (r < 0.05) return 15000;
      const euros = r < 0.5 ? 14000 + Math.floor(random() * 2001) : Math.floor(random() * 40001);
      return random() < 0.5 ? euros : Math.round(euros * 100 + Math.floor(random() * 100)) / 100;
    },
  };
  const seen = new Set();
  const sets = [];
  while (sets.length < count) {
    const answers = {};
    for (const [id, value] of Object.entries(answer)) if (complete || random() < 0.5) answers[id] = value();
    const key = JSON.stringify(answers);
    if (seen.has(key)) continue;
    seen.add(key);
    sets.push(answers);
  }
  return sets;
}

/** The two workloads: [{ name, sets }], complete answers then partial ones. */
export function answerSets(count) {
  const random = prng(SEED);
  return [
    { name: 'complete answers', sets: draw(random, count, true) },
    { name: 'partial answers', sets: draw(random, count, false) },
  ];
}
