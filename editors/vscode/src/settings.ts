/**
 * VS Code's `copydesk` configuration section → the payload `copydesk lsp`
 * reads (src/lsp/settings.rs): `{"checks": {code: severity}, "inlayHints":
 * {"speakers": bool}}`.
 *
 * The server refuses unknown keys, so the section is never forwarded as is:
 * `server.path` and `trace.server` belong to the client. Values of the wrong
 * type are dropped here with a message rather than sent, so one typo does not
 * make the server ignore every setting. Unknown check codes and severities
 * are passed through: the server knows the codes and answers with a
 * did-you-mean.
 */

export interface WireSettings {
  checks: Record<string, string>;
  inlayHints: { speakers: boolean };
}

export interface Mapped {
  settings: WireSettings;
  /** One sentence per dropped value, for the user. */
  problems: string[];
}

/** The subset of `vscode.WorkspaceConfiguration` this needs. */
export interface SectionReader {
  get(key: string): unknown;
}

export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;

export function toWireSettings(section: SectionReader): Mapped {
  const problems: string[] = [];
  const checks: Record<string, string> = {};
  const rawChecks = section.get('checks');
  if (isPlainObject(rawChecks)) {
    for (const [code, value] of Object.entries(rawChecks)) {
      if (typeof value === 'string') {
        checks[code] = value;
      } else {
        problems.push(
          `copydesk: copydesk.checks["${code}"] must be one of ${SEVERITIES.join(', ')}; ignored.`,
        );
      }
    }
  } else if (rawChecks !== undefined && rawChecks !== null) {
    problems.push('copydesk: copydesk.checks must be an object of check code → severity; ignored.');
  }
  const rawSpeakers = section.get('inlayHints.speakers');
  let speakers = false;
  if (typeof rawSpeakers === 'boolean') {
    speakers = rawSpeakers;
  } else if (rawSpeakers !== undefined && rawSpeakers !== null) {
    problems.push('copydesk: copydesk.inlayHints.speakers must be true or false; ignored.');
  }
  return { settings: { checks, inlayHints: { speakers } }, problems };
}

/** Whether a configuration change concerns the server's settings. */
export const SERVER_SETTINGS = ['copydesk.checks', 'copydesk.inlayHints'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
