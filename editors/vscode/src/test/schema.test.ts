import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

// out/test → the extension folder.
const EXT = path.join(__dirname, '..', '..');

test('copydesk.toml and .copydesk.toml are validated with the packaged schema', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'package.json'), 'utf8'));
  const entries: { fileMatch: string; url: string }[] = manifest.contributes.tomlValidation;
  assert.deepEqual(
    entries.map((e) => e.fileMatch),
    ['copydesk.toml', '.copydesk.toml'],
  );
  for (const entry of entries) {
    const schema = JSON.parse(fs.readFileSync(path.join(EXT, entry.url), 'utf8'));
    assert.equal(schema.title, 'copydesk.toml');
    assert.ok(schema.properties.checks, 'the schema describes [checks]');
  }
});

test('the copydesk.checks setting offers every code the README lists (generated from the registry)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'package.json'), 'utf8'));
  const offered = Object.keys(manifest.contributes.configuration.properties['copydesk.checks'].properties);
  const readme = fs.readFileSync(path.join(EXT, 'README.md'), 'utf8');
  const block = readme.slice(readme.indexOf('<!-- check-codes:begin'), readme.indexOf('<!-- check-codes:end -->'));
  const listed = [...block.matchAll(/^- `([^`]+)`: /gm)].map((m) => m[1]);
  assert.ok(listed.length >= 9, `the README's generated list: ${listed}`);
  assert.deepEqual(offered, listed);
});
