/**
 * Where the `copydesk` binary comes from, in order: the `copydesk.server.path`
 * setting, the binary bundled in the extension (`bin/copydesk`, present in the
 * platform packages), `copydesk` on the extension host's `PATH`, cargo's
 * install folder (`$CARGO_HOME/bin`, by default `~/.cargo/bin`), then the
 * `PATH` of the user's login shell (`$SHELL -lc 'command -v copydesk'`).
 *
 * The last two matter because VS Code started from a desktop launcher (or a
 * remote server) does not get the `PATH` set in the shell's rc files, where
 * `cargo install` users put `~/.cargo/bin`. When nothing is found the message
 * lists every place looked at, so the user sees why.
 *
 * Pure apart from the probes passed in (`isExecutable`, `loginShell`), so the
 * order and the messages are unit-tested without VS Code, a real file system
 * or a shell.
 */
import { execFile } from 'child_process';
import * as path from 'path';

export type Source = 'setting' | 'bundled' | 'path' | 'cargo' | 'login-shell';

export type Discovery =
  | { found: true; command: string; source: Source; looked: string[] }
  | { found: false; message: string; looked: string[] };

/** What asking the login shell gave. */
export type ShellAnswer =
  | { kind: 'found'; path: string }
  | { kind: 'not-found' }
  | { kind: 'failed'; reason: string };

export interface DiscoveryInput {
  /** `copydesk.server.path`; empty or blank means "not set". */
  configured: string | undefined;
  /** The extension's install folder. */
  extensionPath: string;
  /** The `PATH` environment variable of the extension host. */
  pathEnv: string | undefined;
  /** `CARGO_HOME`, when set. */
  cargoHome: string | undefined;
  /** The user's home folder. */
  homeDir: string;
  /** `SHELL`, the login shell (not asked on Windows or when unset). */
  shell: string | undefined;
  platform: NodeJS.Platform;
  /** Whether a file exists there and may be run. */
  isExecutable: (file: string) => boolean;
  /** Run `SHELL -lc 'command -v copydesk'` (with a timeout). */
  loginShell: (shell: string) => Promise<ShellAnswer>;
}

export const INSTALL_HINT =
  'Install it with `cargo install --locked --path .` from a copydesk checkout, or set `copydesk.server.path`.';

/** How long the login shell may take to answer, in milliseconds. */
export const LOGIN_SHELL_TIMEOUT_MS = 5000;

export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'copydesk.exe' : 'copydesk';
}

export async function findServer(input: DiscoveryInput): Promise<Discovery> {
  const looked: string[] = [];
  const configured = input.configured?.trim();
  if (configured) {
    // An explicit setting that does not work is reported, never silently
    // replaced by another binary: the user asked for that one.
    looked.push(`copydesk.server.path (${configured})`);
    if (input.isExecutable(configured)) {
      return { found: true, command: configured, source: 'setting', looked };
    }
    return {
      found: false,
      message: `copydesk: the server set in copydesk.server.path (${configured}) is not an executable file. ${INSTALL_HINT}`,
      looked,
    };
  }
  looked.push('copydesk.server.path (not set)');
  const name = binaryName(input.platform);
  const win = input.platform === 'win32';
  const join = win ? path.win32.join : path.posix.join;

  const bundled = join(input.extensionPath, 'bin', name);
  looked.push(`the extension's own binary (${bundled})`);
  if (input.isExecutable(bundled)) {
    return { found: true, command: bundled, source: 'bundled', looked };
  }

  const dirs = (input.pathEnv ?? '').split(win ? ';' : ':').filter((dir) => dir);
  looked.push(`PATH of the VS Code extension host (${dirs.length} folders)`);
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (input.isExecutable(candidate)) {
      return { found: true, command: candidate, source: 'path', looked };
    }
  }

  const cargoBin = join(input.cargoHome?.trim() || join(input.homeDir, '.cargo'), 'bin', name);
  looked.push(`cargo's install folder (${cargoBin})`);
  if (input.isExecutable(cargoBin)) {
    return { found: true, command: cargoBin, source: 'cargo', looked };
  }

  if (!win && input.shell) {
    const answer = await input.loginShell(input.shell);
    const asked = `${input.shell} -lc 'command -v ${name}'`;
    switch (answer.kind) {
      case 'found':
        looked.push(`the login shell's PATH (${asked}: ${answer.path})`);
        // `command -v` also prints aliases and functions: only a file counts.
        if (path.isAbsolute(answer.path) && input.isExecutable(answer.path)) {
          return { found: true, command: answer.path, source: 'login-shell', looked };
        }
        break;
      case 'not-found':
        looked.push(`the login shell's PATH (${asked}: not found)`);
        break;
      case 'failed':
        looked.push(`the login shell's PATH (${asked}: ${answer.reason})`);
        break;
    }
  }

  return {
    found: false,
    message: `copydesk: no \`${name}\` binary found. Looked at: ${looked.join('; ')}. ${INSTALL_HINT}`,
    looked,
  };
}

/**
 * The line `command -v` printed, when it is a path: login shells may print
 * banners or other noise before it (rc files that echo), so the last
 * non-empty line is taken.
 */
export function parseShellAnswer(stdout: string): ShellAnswer {
  const last = stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line)
    .pop();
  return last ? { kind: 'found', path: last } : { kind: 'not-found' };
}

/**
 * Ask the login shell: `SHELL -lc 'command -v copydesk'`, given `timeoutMs`
 * to answer (rc files can be slow, or wait for input).
 */
export function askLoginShell(shell: string, timeoutMs = LOGIN_SHELL_TIMEOUT_MS): Promise<ShellAnswer> {
  return new Promise((resolve) => {
    execFile(shell, ['-lc', 'command -v copydesk'], { timeout: timeoutMs, windowsHide: true }, (err, stdout) => {
      if (err && err.killed) {
        resolve({ kind: 'failed', reason: `no answer within ${timeoutMs / 1000} s` });
      } else if (err && typeof err.code === 'string') {
        // Not run at all (ENOENT, EACCES).
        resolve({ kind: 'failed', reason: err.message });
      } else if (err) {
        // `command -v` exits 1 and prints nothing when there is none.
        resolve({ kind: 'not-found' });
      } else {
        resolve(parseShellAnswer(String(stdout)));
      }
    });
  });
}
