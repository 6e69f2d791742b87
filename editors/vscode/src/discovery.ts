/**
 * Where the `copydesk` binary comes from, in order: the `copydesk.server.path`
 * setting, the binary bundled in the extension (`bin/copydesk`, present in the
 * platform packages), then `copydesk` on `PATH`.
 *
 * Pure apart from the `isExecutable` probe passed in, so the order and the
 * messages are unit-tested without VS Code or a real file system.
 */
import * as path from 'path';

export type Source = 'setting' | 'bundled' | 'path';

export type Discovery =
  | { found: true; command: string; source: Source }
  | { found: false; message: string };

export interface DiscoveryInput {
  /** `copydesk.server.path`; empty or blank means "not set". */
  configured: string | undefined;
  /** The extension's install folder. */
  extensionPath: string;
  /** The `PATH` environment variable of the extension host. */
  pathEnv: string | undefined;
  platform: NodeJS.Platform;
  /** Whether a file exists there and may be run. */
  isExecutable: (file: string) => boolean;
}

export const INSTALL_HINT =
  'Install it with `cargo install --path .` from a copydesk checkout, or set `copydesk.server.path`.';

export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'copydesk.exe' : 'copydesk';
}

export function findServer(input: DiscoveryInput): Discovery {
  const configured = input.configured?.trim();
  if (configured) {
    // An explicit setting that does not work is reported, never silently
    // replaced by another binary: the user asked for that one.
    if (input.isExecutable(configured)) {
      return { found: true, command: configured, source: 'setting' };
    }
    return {
      found: false,
      message: `copydesk: the server set in copydesk.server.path (${configured}) is not an executable file. ${INSTALL_HINT}`,
    };
  }
  const name = binaryName(input.platform);
  const bundled = path.join(input.extensionPath, 'bin', name);
  if (input.isExecutable(bundled)) {
    return { found: true, command: bundled, source: 'bundled' };
  }
  const delimiter = input.platform === 'win32' ? ';' : ':';
  for (const dir of (input.pathEnv ?? '').split(delimiter)) {
    if (!dir) {
      continue;
    }
    const candidate = path.join(dir, name);
    if (input.isExecutable(candidate)) {
      return { found: true, command: candidate, source: 'path' };
    }
  }
  return {
    found: false,
    message: `copydesk: no \`copydesk\` binary found (not bundled with the extension, not on PATH). ${INSTALL_HINT}`,
  };
}
