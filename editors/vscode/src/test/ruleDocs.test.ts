import { strict as assert } from 'node:assert';
import { test } from 'node:test';

import { docsAt, DiagnosticLike } from '../ruleDocs';

function diag(line: number, start: number, end: number, href?: string, source = 'copydesk'): DiagnosticLike {
  return { source, href, range: { start: { line, character: start }, end: { line, character: end } } };
}

const PARAGRAPH = 'https://docs.example/repeat/paragraph';
const QUOTE = 'https://docs.example/repeat/quote';

test('the finding under the cursor wins', () => {
  const diags = [diag(2, 0, 40, PARAGRAPH), diag(2, 50, 60, QUOTE)];
  assert.equal(docsAt(diags, { line: 2, character: 55 }), QUOTE);
  assert.equal(docsAt(diags, { line: 2, character: 40 }), PARAGRAPH);
});

test('else the nearest finding on the cursor line', () => {
  const diags = [diag(2, 0, 10, PARAGRAPH), diag(2, 50, 60, QUOTE)];
  assert.equal(docsAt(diags, { line: 2, character: 45 }), QUOTE);
  assert.equal(docsAt(diags, { line: 2, character: 12 }), PARAGRAPH);
});

test("other tools' diagnostics and links-less ones are ignored", () => {
  const diags = [diag(0, 0, 10, 'https://other.example', 'cSpell'), diag(0, 0, 10)];
  assert.equal(docsAt(diags, { line: 0, character: 5 }), undefined);
  assert.equal(docsAt([diag(1, 0, 5, QUOTE)], { line: 0, character: 2 }), undefined);
});
