// `npm pack` of www/dist gives a package that installs and runs in plain Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = new URL('../../www/dist/', import.meta.url).pathname;

test('npm pack gives an installable ES module with its types', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'eligibility-package-'));
  try {
    const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
    npm(['pack', dist, '--pack-destination', dir], dir);
    const [tarball] = (await readdir(dir)).filter((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack made no tarball');
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    npm(['install', `./${tarball}`, '--offline'], dir);
    const files = await readdir(join(dir, 'node_modules/eligibility-widget'));
    const built = JSON.parse(await readFile(join(dist, 'files.json'), 'utf8'));
    for (const file of ['index.js', 'index.d.ts', 'eligibility-widget.js', 'embed.html', 'files.json', 'pack.schema.json', ...Object.values(built).map((f) => f.file)]) {
      assert.ok(files.includes(file), `${file} is missing from the package`);
    }
    // The compressed copies a server sends in place of the files a page loads.
    for (const file of ['eligibility-widget.js', built['element-engine_bg.wasm'].file]) {
      for (const suffix of ['.gz', '.br']) assert.ok(files.includes(file + suffix), `${file}${suffix} is missing from the package`);
    }
    const script = `
      import { evaluate, questions, programmes } from 'eligibility-widget';
      const report = evaluate('netflix-audiens-2020', { profession: 'technician', rights_not_renewed_since_2020: true,
        days_worked: 12, works_on_netflix_production: false, annual_resources: '15000.01' }, { lang: 'en' });
      console.log(JSON.stringify([report.status, report.amount, questions('netflix-audiens-2020').length, programmes()[0].id]));`;
    const output = execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(output), ['eligible', { currency: 'EUR', min: '500', max: '500' }, 6, 'audiens-fonds-solidarite-2020']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
