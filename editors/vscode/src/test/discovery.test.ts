import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';

import { findServer, INSTALL_HINT } from '../discovery';

const EXT = '/ext/copydesk-0.1.0';
const BUNDLED = path.join(EXT, 'bin', 'copydesk');

function only(...files: string[]) {
  return (file: string) => files.includes(file);
}

test('the setting wins over the bundled binary and PATH', () => {
  const found = findServer({
    configured: '/opt/copydesk/bin/copydesk',
    extensionPath: EXT,
    pathEnv: '/usr/local/bin:/usr/bin',
    platform: 'linux',
    isExecutable: only('/opt/copydesk/bin/copydesk', BUNDLED, '/usr/bin/copydesk'),
  });
  assert.deepEqual(found, { found: true, command: '/opt/copydesk/bin/copydesk', source: 'setting' });
});

test('a setting that points nowhere is reported, not replaced', () => {
  const found = findServer({
    configured: '/nowhere/copydesk',
    extensionPath: EXT,
    pathEnv: '/usr/bin',
    platform: 'linux',
    isExecutable: only(BUNDLED, '/usr/bin/copydesk'),
  });
  assert.equal(found.found, false);
  assert.ok(!found.found && found.message.includes('copydesk.server.path (/nowhere/copydesk)'));
  assert.ok(!found.found && found.message.includes('cargo install --path .'));
});

test('a blank setting counts as unset; the bundled binary comes next', () => {
  const found = findServer({
    configured: '  ',
    extensionPath: EXT,
    pathEnv: '/usr/bin',
    platform: 'linux',
    isExecutable: only(BUNDLED, '/usr/bin/copydesk'),
  });
  assert.deepEqual(found, { found: true, command: BUNDLED, source: 'bundled' });
});

test('PATH is searched in order, skipping empty entries', () => {
  const found = findServer({
    configured: undefined,
    extensionPath: EXT,
    pathEnv: ':/home/me/.cargo/bin:/usr/bin',
    platform: 'linux',
    isExecutable: only('/usr/bin/copydesk', '/home/me/.cargo/bin/copydesk'),
  });
  assert.deepEqual(found, { found: true, command: '/home/me/.cargo/bin/copydesk', source: 'path' });
});

test('on Windows the binary is copydesk.exe and PATH is ;-separated', () => {
  const exe = path.join('C:\\tools', 'copydesk.exe');
  const found = findServer({
    configured: '',
    extensionPath: EXT,
    pathEnv: 'C:\\Windows;C:\\tools',
    platform: 'win32',
    isExecutable: only(exe),
  });
  assert.deepEqual(found, { found: true, command: exe, source: 'path' });
});

test('nothing found says how to install', () => {
  const found = findServer({
    configured: undefined,
    extensionPath: EXT,
    pathEnv: undefined,
    platform: 'linux',
    isExecutable: () => false,
  });
  assert.equal(found.found, false);
  assert.ok(!found.found && found.message.endsWith(INSTALL_HINT));
  assert.ok(INSTALL_HINT.includes('`cargo install --path .`'));
});
