import { strict as assert } from 'node:assert';
import { test } from 'node:test';

import { toWireSettings } from '../settings';

/** A `WorkspaceConfiguration.get` over a flat map of dotted keys, as VS Code reads them. */
function section(values: Record<string, unknown>) {
  return { get: (key: string) => values[key] };
}

test('checks and speaker hints map to the server payload; client-only keys stay out', () => {
  const mapped = toWireSettings(
    section({
      'server.path': '/opt/copydesk',
      'trace.server': 'verbose',
      checks: { 'quote/unattributed': 'off', 'repeat/quote': 'error' },
      'inlayHints.speakers': true,
    }),
  );
  assert.deepEqual(mapped, {
    settings: {
      checks: { 'quote/unattributed': 'off', 'repeat/quote': 'error' },
      inlayHints: { speakers: true },
    },
    problems: [],
  });
});

test('defaults: no checks, speaker hints off', () => {
  assert.deepEqual(toWireSettings(section({})), {
    settings: { checks: {}, inlayHints: { speakers: false } },
    problems: [],
  });
});

test('unknown codes and severities pass through for the server to explain', () => {
  const mapped = toWireSettings(section({ checks: { 'quote/unatributed': 'loud' } }));
  assert.deepEqual(mapped.settings.checks, { 'quote/unatributed': 'loud' });
  assert.deepEqual(mapped.problems, []);
});

test('values of the wrong type are dropped with a message, the rest still apply', () => {
  const mapped = toWireSettings(
    section({ checks: { 'name/title': 3, 'repeat/quote': 'info' }, 'inlayHints.speakers': 'yes' }),
  );
  assert.deepEqual(mapped.settings, {
    checks: { 'repeat/quote': 'info' },
    inlayHints: { speakers: false },
  });
  assert.deepEqual(mapped.problems, [
    'copydesk: copydesk.checks["name/title"] must be one of error, warning, info, hint, off; ignored.',
    'copydesk: copydesk.inlayHints.speakers must be true or false; ignored.',
  ]);
});

test('checks that are not an object are refused as a whole', () => {
  const mapped = toWireSettings(section({ checks: ['quote/unattributed'] }));
  assert.deepEqual(mapped.settings.checks, {});
  assert.equal(mapped.problems.length, 1);
});
