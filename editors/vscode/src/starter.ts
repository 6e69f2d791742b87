/**
 * The `copydesk.toml` written by "copydesk: Create copydesk.toml" when
 * `copydesk init` cannot be run (no binary found): a minimal commented
 * starter that extends one of the shipped presets.
 */

export const PRESETS = [
  { id: 'reuters', detail: 'Reuters house style' },
  { id: 'ap', detail: 'Associated Press style' },
  { id: 'british', detail: 'British spelling and quotation conventions' },
] as const;

export type Preset = (typeof PRESETS)[number]['id'];

export function isPreset(value: string): value is Preset {
  return PRESETS.some((p) => p.id === value);
}

export function starterConfig(preset: Preset): string {
  return `# copydesk house style. copydesk reads the nearest copydesk.toml above the
# file it checks; the editor's copydesk.checks setting applies on top.
#
# Start from the ${preset} preset; later entries and the tables below
# override it.
extends = ["${preset}"]

# Severity per check: "error", "warning", "info", "hint" or "off".
# [checks]
# "quote/unattributed" = "warning"
# "name/first-reference" = "off"
`;
}
