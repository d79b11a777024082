// The JSON Schema of the pack format (schema/pack.schema.json), with which editors
// that use Taplo ("Even Better TOML") complete and check packs as authors type. Every
// pack that compiles validates against it; the invalid-pack fixtures whose problems
// are structural are refused where they are wrong. The other fixtures' problems are
// beyond a schema (what a condition says, tiers that overlap, a day that does not
// exist): they validate, and `eligibility check` refuses them. Needs no build:
// `node --test tests/schema.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { parse } from 'smol-toml';
import Ajv from 'ajv';

const root = new URL('../', import.meta.url);
const read = (path) => readFile(new URL(path, root), 'utf8');
const schema = JSON.parse(await read('schema/pack.schema.json'));
// Strict by default: an unknown keyword or a misplaced one in the schema is an error.
const validate = new Ajv({ allErrors: true }).compile(schema);

const tomlFiles = async (dir) => (await readdir(new URL(dir, root))).filter((f) => f.endsWith('.toml')).sort().map((f) => dir + f);

/** The places (instance paths) where the schema refuses a file, each once. */
async function refusals(path) {
  if (validate(parse(await read(path)))) return [];
  return [...new Set(validate.errors.map((e) => e.instancePath || '/'))].sort();
}

test('every pack that compiles validates against the schema', async () => {
  const packs = [
    ...await tomlFiles('packs/'),
    ...await tomlFiles('tests/packs/'),
    ...(await tomlFiles('tests/tools/')).filter((f) => !f.includes('scenarios')),
    // Each valid alone; they disagree with each other, which no schema of one file sees.
    ...await tomlFiles('tests/invalid-packs/shared/'),
  ];
  assert.ok(packs.length >= 12, `only ${packs.length} packs found`);
  for (const pack of packs) assert.deepEqual(await refusals(pack), [], pack);
});

// Every fixture of tests/invalid-packs, with where the schema refuses it, or why it cannot.
const fixtures = {
  'benefits.toml': [
    '/', // both an [amount] and a [place]
    '/amount/parts/0', // `cap` and `cap_amount` both
    '/amount/parts/1', // `units` without `per_unit`
    '/country', // no `in`
    '/country/code', // `France`
    '/country/name', // no English
    '/place/what', // no English
    '/questions/0/id', // `country` is reserved
    '/window', // neither `closes` nor `confirmed_open_until`; `closing_time` without `closes`
  ],
  'many-problems.toml': [
    '/', // no [country]
    '/amount', // no currency
    '/amount/tiers/1/value', // a TOML float
    '/apply_url', // http://
    '/criteria/1', // no `unknown` text
    '/name', // no English
    '/questions/0/options/1/label', // no English
    '/questions/1', // `currency` on an integer question
    '/questions/1/currency',
    '/questions/2', // a money question without a currency
    '/questions/4', // type `size`
    '/questions/4/type',
    '/sources/0/date', // `April 2020`
    // Beyond the schema, refused by `check`: 2020-02-30, an option id used twice, min
    // above max, questions no rule reads, unknown questions and options in conditions.
  ],
  'documents.toml': [
    '/criteria/0/documents/1', // no English
    '/questions/0/options/0/id', // `unknown` is reserved
    // Beyond the schema, refused by `check`: a source id used twice, a document citing no source.
  ],
  // Beyond a schema: what the text of a condition says, and digits a decimal cannot hold.
  'inexact-numbers.toml': [],
  'nesting-too-deep.toml': [],
  // Beyond a schema: proofs over every answer.
  'never-met.toml': [],
  'tiers-gap.toml': [],
  'tiers-overlap.toml': [],
  // Beyond the schema: a NUL in a text (it would take a pattern on every string).
  'nul.toml': [],
  // Not TOML at all: the TOML parser refuses it before any schema is read.
  'syntax-error.toml': null,
};

test('the schema refuses the structural problems of the invalid packs, where they are', async () => {
  const files = (await tomlFiles('tests/invalid-packs/')).map((f) => f.replace('tests/invalid-packs/', ''));
  assert.deepEqual(files, Object.keys(fixtures).sort(), 'each invalid pack is listed here, refused or beyond a schema');
  for (const [file, expected] of Object.entries(fixtures)) {
    const path = `tests/invalid-packs/${file}`;
    if (expected === null) {
      await assert.rejects(read(path).then(parse), /Invalid TOML document/, file);
      continue;
    }
    assert.deepEqual(await refusals(path), expected, file);
  }
});

test('the schema describes every field of the pack format, no more', async () => {
  // The serde model compile reads (crates/rules/src/compile/file.rs), struct by struct.
  const source = await read('crates/rules/src/compile/file.rs');
  const structs = {};
  for (const [, name, body] of source.matchAll(/pub struct (\w+) \{([^}]*)\}/g)) {
    structs[name] = [...body.matchAll(/(?:#\[serde\(rename = "(\w+)"\)\]\s*)?pub (\w+):/g)].map(([, renamed, field]) => renamed ?? field).sort();
  }
  const where = {
    PackFile: schema, TextFile: 'text', CountryFile: 'country', WindowFile: 'window', QuestionFile: 'question',
    OptionFile: 'option', CriterionFile: 'criterion', AmountFile: 'amount', TierFile: 'tier', PartFile: 'part',
    PlaceFile: 'place', StartFile: 'start', SourceFile: 'source', ReadingFile: 'reading', DocumentFile: 'document',
  };
  assert.deepEqual(Object.keys(structs).sort(), Object.keys(where).sort(), 'a struct of file.rs the schema does not map');
  for (const [struct, at] of Object.entries(where)) {
    const node = typeof at === 'string' ? schema.definitions[at] : at;
    assert.deepEqual(Object.keys(node.properties).sort(), structs[struct], struct);
    for (const [field, property] of Object.entries(node.properties)) {
      assert.ok(property.description, `${struct}.${field} has no description for editors to show`);
    }
  }
});

test('wrong shapes are refused and right ones accepted, as an author types them', () => {
  const pack = (changes) => ({
    id: 'x', version: '1.0.0', checked: '2026-01-01', operator: 'O', apply_url: 'https://example.org/',
    name: { fr: 'N', en: 'N' }, summary: { fr: 'S', en: 'S' },
    country: { code: 'fr', name: { fr: 'France', en: 'France' }, in: { fr: 'en France', en: 'in France' } },
    window: { opens: '2020-01-01', closes: '2020-02-01' },
    questions: [{ id: 'member', type: 'yes_no', label: { fr: 'M ?', en: 'M?' } }],
    criteria: [{ id: 'member', condition: 'member', met: { fr: 'o', en: 'y' }, not_met: { fr: 'n', en: 'n' }, unknown: { fr: '?', en: '?' } }],
    amount: { currency: 'EUR', kind: 'fixed', value: 100 },
    sources: [{ title: 'T', publisher: 'P', date: '2020' }],
    ...changes,
  });
  assert.ok(validate(pack({})), JSON.stringify(validate.errors));
  const refused = [
    { version: '1.0' },
    { version: '1.0.0-' },
    { amount: { currency: 'EUR', kind: 'fixed', value: 100, tiers: [] } },
    { amount: { currency: 'EUR', kind: 'range', min: 1 } },
    { amount: { currency: 'EUR', kind: 'fixed', value: '-1' } },
    { amount: { currency: 'eur', kind: 'fixed', value: 1 } },
    { amount: { currency: 'EUR', kind: 'lump', value: 1 } },
    { window: { opens: '2020-01-01', closes: '2020-02-01', confirmed_open_until: '2020-01-15' } },
    { checked: '15/04/2020' },
    { id: 'Netflix 2020' },
    { questions: [{ id: 'member', type: 'choice', label: { fr: 'M ?', en: 'M?' }, options: [{ id: 'a', label: { fr: 'A', en: 'A' } }] }] },
    { questions: [{ id: 'member', type: 'yes_no', label: { fr: 'M ?', en: 'M?' }, min: 0 }] },
    { place: { what: { fr: 'P', en: 'P' }, starts: [{ when: { fr: 'mai', en: 'May' } }] } },
    { amount: undefined, place: { what: { fr: 'P', en: 'P' }, starts: [{ when: { fr: 'mai', en: 'May' } }, { condition: 'member', when: { fr: 'juin', en: 'June' } }] } },
    { sources: [] },
    { colour: 'blue' },
  ];
  for (const changes of refused) assert.equal(validate(pack(changes)), false, JSON.stringify(changes));
  // Shapes only: that `units` names a whole-number question is for `eligibility check`.
  const accepted = [
    { amount: undefined, place: { what: { fr: 'P', en: 'P' }, starts: [{ when: { fr: 'mai', en: 'May' } }] } },
    { amount: { currency: 'EUR', kind: 'per_unit', base: 0, per_unit: '100.50', units: 'member', cap: 5 } },
    { amount: { currency: 'EUR', kind: 'tiered', tiers: [{ condition: 'member', value: '-1.5e2' }] } },
    { window: { confirmed_open_until: '2020-01-15' } },
  ];
  for (const changes of accepted) assert.ok(validate(pack(changes)), `${JSON.stringify(changes)}: ${JSON.stringify(validate.errors)}`);
});
