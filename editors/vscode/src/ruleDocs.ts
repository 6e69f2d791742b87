/**
 * Which rule documentation "copydesk: Open Rule Documentation" opens: the
 * copydesk diagnostic under the cursor, else the nearest one on its line.
 * Pure over plain positions so it is unit-tested without VS Code.
 */

export interface Pos {
  line: number;
  character: number;
}

export interface DiagnosticLike {
  source?: string;
  range: { start: Pos; end: Pos };
  /** The rule docs URL, from LSP `codeDescription.href`. */
  href?: string;
}

export function docsAt(diagnostics: readonly DiagnosticLike[], cursor: Pos): string | undefined {
  const ours = diagnostics.filter((d) => d.href !== undefined && (d.source ?? 'copydesk') === 'copydesk');
  const containing = ours.find((d) => before(d.range.start, cursor) && before(cursor, d.range.end));
  if (containing) {
    return containing.href;
  }
  const onLine = ours
    .filter((d) => d.range.start.line <= cursor.line && cursor.line <= d.range.end.line)
    .sort((a, b) => distance(a, cursor) - distance(b, cursor));
  return onLine[0]?.href;
}

function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function distance(d: DiagnosticLike, cursor: Pos): number {
  if (d.range.start.line === cursor.line && cursor.character < d.range.start.character) {
    return d.range.start.character - cursor.character;
  }
  if (d.range.end.line === cursor.line && cursor.character > d.range.end.character) {
    return cursor.character - d.range.end.character;
  }
  return 0;
}
