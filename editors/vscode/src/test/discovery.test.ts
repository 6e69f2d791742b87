import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

import {
  askLoginShell,
  DiscoveryInput,
  findServer,
  INSTALL_HINT,
  parseShellAnswer,
  ShellAnswer,
} from '../discovery';

const EXT = '/ext/copydesk-0.1.0';
const BUNDLED = path.join(EXT, 'bin', 'copydesk');
const HOME = '/home/me';

function only(...files: string[]) {
  return (file: string) => files.includes(file);
}

/** Linux defaults with nothing installed and a shell that is never asked. */
function input(over: Partial<DiscoveryInput>): DiscoveryInput {
  return {
    configured: undefined,
    extensionPath: EXT,
    pathEnv: '/usr/bin',
    cargoHome: undefined,
    homeDir: HOME,
    shell: undefined,
    platform: 'linux',
    isExecutable: () => false,
    loginShell: async () => {
      throw new Error('the login shell must not be asked');
    },
    ...over,
  };
}

function shell(answer: ShellAnswer) {
  const asked: string[] = [];
  return {
    asked,
    loginShell: async (sh: string) => {
      asked.push(sh);
      return answer;
    },
  };
}

test('the setting wins over the bundled binary and PATH', async () => {
  const found = await findServer(
    input({
      configured: '/opt/copydesk/bin/copydesk',
      isExecutable: only('/opt/copydesk/bin/copydesk', BUNDLED, '/usr/bin/copydesk'),
    }),
  );
  assert.equal(found.found && found.command, '/opt/copydesk/bin/copydesk');
  assert.equal(found.found && found.source, 'setting');
});

test('a setting that points nowhere is reported, not replaced', async () => {
  const found = await findServer(
    input({ configured: '/nowhere/copydesk', isExecutable: only(BUNDLED, '/usr/bin/copydesk') }),
  );
  assert.equal(found.found, false);
  assert.ok(!found.found && found.message.includes('copydesk.server.path (/nowhere/copydesk)'));
  assert.ok(!found.found && found.message.includes('cargo install --locked --path .'));
});

test('a blank setting counts as unset; the bundled binary comes next', async () => {
  const found = await findServer(input({ configured: '  ', isExecutable: only(BUNDLED, '/usr/bin/copydesk') }));
  assert.equal(found.found && found.command, BUNDLED);
  assert.equal(found.found && found.source, 'bundled');
});

test('PATH is searched in order, skipping empty entries', async () => {
  const found = await findServer(
    input({
      pathEnv: ':/home/me/.local/bin:/usr/bin',
      isExecutable: only('/usr/bin/copydesk', '/home/me/.local/bin/copydesk'),
    }),
  );
  assert.equal(found.found && found.command, '/home/me/.local/bin/copydesk');
  assert.equal(found.found && found.source, 'path');
});

test('not on the PATH VS Code got: ~/.cargo/bin is tried, before asking the shell', async () => {
  const sh = shell({ kind: 'found', path: '/elsewhere/copydesk' });
  const found = await findServer(
    input({ shell: '/bin/zsh', isExecutable: only('/home/me/.cargo/bin/copydesk'), loginShell: sh.loginShell }),
  );
  assert.equal(found.found && found.command, '/home/me/.cargo/bin/copydesk');
  assert.equal(found.found && found.source, 'cargo');
  assert.deepEqual(sh.asked, []);
});

test('CARGO_HOME moves cargo install folder', async () => {
  const found = await findServer(
    input({ cargoHome: '/opt/cargo', isExecutable: only('/opt/cargo/bin/copydesk', '/home/me/.cargo/bin/copydesk') }),
  );
  assert.equal(found.found && found.command, '/opt/cargo/bin/copydesk');
});

test("the login shell's PATH is the last resort", async () => {
  const sh = shell({ kind: 'found', path: '/home/me/tools/copydesk' });
  const found = await findServer(
    input({ shell: '/bin/bash', isExecutable: only('/home/me/tools/copydesk'), loginShell: sh.loginShell }),
  );
  assert.deepEqual(sh.asked, ['/bin/bash']);
  assert.equal(found.found && found.command, '/home/me/tools/copydesk');
  assert.equal(found.found && found.source, 'login-shell');
  assert.match(found.looked.at(-1)!, /^the login shell's PATH \(\/bin\/bash -lc 'command -v copydesk': \/home\/me\/tools\/copydesk\)$/);
});

test('an alias the shell prints is not a binary', async () => {
  const sh = shell({ kind: 'found', path: "alias copydesk='docker run copydesk'" });
  const found = await findServer(input({ shell: '/bin/bash', loginShell: sh.loginShell }));
  assert.equal(found.found, false);
});

test('nothing found: the message says every place it looked, and how to install', async () => {
  const sh = shell({ kind: 'failed', reason: 'timed out after 5 s' });
  const found = await findServer(
    input({ pathEnv: '/usr/local/bin:/usr/bin', shell: '/bin/zsh', loginShell: sh.loginShell }),
  );
  assert.equal(found.found, false);
  assert.deepEqual(found.looked, [
    'copydesk.server.path (not set)',
    `the extension's own binary (${BUNDLED})`,
    'PATH of the VS Code extension host (2 folders)',
    "cargo's install folder (/home/me/.cargo/bin/copydesk)",
    "the login shell's PATH (/bin/zsh -lc 'command -v copydesk': timed out after 5 s)",
  ]);
  assert.ok(!found.found && found.message.startsWith('copydesk: no `copydesk` binary found. Looked at: copydesk.server.path (not set); '));
  assert.ok(!found.found && found.message.endsWith(INSTALL_HINT));
});

test('on Windows: copydesk.exe, a ;-separated PATH, %USERPROFILE%\\.cargo\\bin, no login shell', async () => {
  const exe = path.win32.join('C:\\tools', 'copydesk.exe');
  const found = await findServer(
    input({ platform: 'win32', pathEnv: 'C:\\Windows;C:\\tools', shell: 'cmd.exe', isExecutable: only(exe) }),
  );
  assert.equal(found.found && found.command, exe);
  const cargo = 'C:\\Users\\me\\.cargo\\bin\\copydesk.exe';
  const viaCargo = await findServer(
    input({ platform: 'win32', homeDir: 'C:\\Users\\me', pathEnv: '', shell: 'cmd.exe', isExecutable: only(cargo) }),
  );
  assert.equal(viaCargo.found && viaCargo.command, cargo);
  const none = await findServer(input({ platform: 'win32', homeDir: 'C:\\Users\\me', shell: 'cmd.exe' }));
  assert.equal(none.found, false);
  assert.equal(none.looked.length, 4, 'the login shell is not asked on Windows');
});

test('the shell answer is the last line printed (rc files may echo first)', () => {
  assert.deepEqual(parseShellAnswer('Welcome!\n/home/me/.cargo/bin/copydesk\n'), {
    kind: 'found',
    path: '/home/me/.cargo/bin/copydesk',
  });
  assert.deepEqual(parseShellAnswer('\n  \n'), { kind: 'not-found' });
});

/** A stand-in login shell: a script that checks its arguments, then runs `body`. */
function fakeShell(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    `#!/bin/sh\n[ "$1" = -lc ] && [ "$2" = 'command -v copydesk' ] || { echo "bad args: $*" >&2; exit 9; }\n${body}\n`,
    { mode: 0o755 },
  );
  return file;
}

test('asking a real process: found, not found, too slow, not runnable', { skip: process.platform === 'win32' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-shell-'));
  try {
    const found = fakeShell(dir, 'found', 'echo "rc file says hi"; echo /opt/cargo/bin/copydesk');
    assert.deepEqual(await askLoginShell(found), { kind: 'found', path: '/opt/cargo/bin/copydesk' });
    const missing = fakeShell(dir, 'missing', 'exit 1');
    assert.deepEqual(await askLoginShell(missing), { kind: 'not-found' });
    const slow = fakeShell(dir, 'slow', 'exec sleep 5');
    assert.deepEqual(await askLoginShell(slow, 200), { kind: 'failed', reason: 'no answer within 0.2 s' });
    const gone = await askLoginShell(path.join(dir, 'no-such-shell'));
    assert.equal(gone.kind, 'failed');
    // A real shell: what `command -v` prints for a file on its PATH.
    fs.writeFileSync(path.join(dir, 'copydesk'), '#!/bin/sh\n', { mode: 0o755 });
    const sh = fakeShell(dir, 'sh-with-path', `PATH="${dir}:$PATH"; command -v copydesk`);
    assert.deepEqual(await askLoginShell(sh), { kind: 'found', path: path.join(dir, 'copydesk') });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
