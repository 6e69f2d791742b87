import { strict as assert } from 'node:assert';
import { test } from 'node:test';

import { isPreset, PRESETS, starterConfig } from '../starter';

test('every preset gets an extends line and only commented extras', () => {
  for (const { id } of PRESETS) {
    const text = starterConfig(id);
    const live = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    assert.deepEqual(live, [`extends = ["${id}"]`]);
  }
});

test('presets are reuters, ap and british', () => {
  assert.deepEqual(PRESETS.map((p) => p.id), ['reuters', 'ap', 'british']);
  assert.ok(isPreset('ap'));
  assert.ok(!isPreset('nyt'));
});
