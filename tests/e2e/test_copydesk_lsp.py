"""End to end: pytest-lsp (pygls) drives `copydesk lsp` as an editor would.

Run by tests/e2e/run.sh; COPYDESK_BIN names the server binary.
"""

import asyncio
import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient

REPO = pathlib.Path(__file__).resolve().parents[2]
SERVER = [os.environ.get("COPYDESK_BIN", str(REPO / "target" / "release" / "copydesk")), "lsp"]
SEED = (REPO / "seeds" / "blinken-rafah.txt").read_text(encoding="utf-8")


def utf16_offset(text: str, pos: T.Position) -> int:
    """The string index of an LSP position (UTF-16 units; lines end at \\n)."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: pos.line])
    units = 0
    for i, ch in enumerate(lines[pos.line] if pos.line < len(lines) else ""):
        if units >= pos.character:
            return start + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return start + len(lines[pos.line]) if pos.line < len(lines) else len(text)


def position(text: str, index: int) -> T.Position:
    before = text[:index]
    line = before.count("\n")
    col = before[before.rfind("\n") + 1 :]
    return T.Position(line=line, character=sum(2 if ord(c) > 0xFFFF else 1 for c in col))


def apply(text: str, edits: list) -> str:
    spans = [(utf16_offset(text, e.range.start), utf16_offset(text, e.range.end), e.new_text) for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def as_changes(edits: list) -> list:
    """A workspace edit's edits as didChange content changes: applied one
    after the other, so back to front."""
    ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True)
    return [T.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in ordered]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient):
    caps = T.ClientCapabilities(
        text_document=T.TextDocumentClientCapabilities(
            publish_diagnostics=T.PublishDiagnosticsClientCapabilities(
                related_information=True, version_support=True
            )
        )
    )
    await lsp_client.initialize_session(T.InitializeParams(capabilities=caps))
    yield
    await lsp_client.shutdown_session()


def expect_publish(client: LanguageClient):
    """A future for the next publishDiagnostics, registered before the
    notification that causes it is sent (so it cannot be missed)."""
    return asyncio.wrap_future(client.protocol.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS))


async def published(future, uri: str, version: int) -> list:
    params = await asyncio.wait_for(future, 10)
    assert (params.uri, params.version) == (uri, version)
    return params.diagnostics


def summary(diags) -> list:
    return [
        (d.range.start.line + 1, d.code, [r.location.range.start.line + 1 for r in d.related_information or []])
        for d in diags
    ]


async def test_seed_findings_quick_fix_and_hover(client: LanguageClient, tmp_path):
    uri = (tmp_path / "blinken-rafah.txt").as_uri()
    future = expect_publish(client)
    client.text_document_did_open(
        T.DidOpenTextDocumentParams(T.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=SEED))
    )
    diags = await published(future, uri, 1)
    assert summary(diags) == [
        (3, "repeat/paragraph", [1]),
        (6, "repeat/quote", [2]),
        (7, "repeat/quote", [2]),
    ]
    assert all(d.source == "copydesk" and d.severity == T.DiagnosticSeverity.Warning for d in diags)

    repeated = diags[0]
    actions = await client.text_document_code_action_async(
        T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri=uri),
            range=repeated.range,
            context=T.CodeActionContext(diagnostics=[repeated], only=[T.CodeActionKind.QuickFix]),
        )
    )
    assert actions, "a quick fix for the repeated paragraph"
    edits = actions[0].edit.changes[uri]
    fixed = apply(SEED, edits)
    assert fixed.split("\n")[2] == SEED.split("\n")[3]
    future = expect_publish(client)
    client.text_document_did_change(
        T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=as_changes(edits),
        )
    )
    after = await published(future, uri, 2)
    assert summary(after) == [(5, "repeat/quote", [2]), (6, "repeat/quote", [2])]

    # Hover on the last quote: Blinken is credited in its sentence.
    inside = fixed.index("We've gotten it down")
    hover = await client.text_document_hover_async(
        T.HoverParams(text_document=T.TextDocumentIdentifier(uri=uri), position=position(fixed, inside))
    )
    assert hover is not None
    assert hover.contents.kind == T.MarkupKind.Markdown
    assert hover.contents.value.startswith("**Quote** said by **Blinken"), hover.contents.value


MD_DRAFT = "# Talks resume\n\nThe ministers met on Monday.\n\n\"We will not back down.\"\n"


async def open_markdown_draft(client: LanguageClient, tmp_path):
    uri = (tmp_path / "draft.md").as_uri()
    future = expect_publish(client)
    client.text_document_did_open(
        T.DidOpenTextDocumentParams(T.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=MD_DRAFT))
    )
    return uri, await published(future, uri, 1)


async def ignore_edits(client: LanguageClient, uri: str, diags) -> list:
    actions = await client.text_document_code_action_async(
        T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri=uri),
            range=diags[0].range,
            context=T.CodeActionContext(diagnostics=diags),
        )
    )
    ignore = [a for a in actions if a.title == "Ignore quote/unattributed here"]
    assert ignore, [a.title for a in actions]
    return ignore[0].edit.changes[uri]


async def test_unattributed_quote_in_markdown_offers_an_ignore_comment(client: LanguageClient, tmp_path):
    uri, diags = await open_markdown_draft(client, tmp_path)
    assert [(d.range.start.line, d.code) for d in diags] == [(4, "quote/unattributed")]

    hover = await client.text_document_hover_async(
        T.HoverParams(
            text_document=T.TextDocumentIdentifier(uri=uri), position=position(MD_DRAFT, MD_DRAFT.index("back"))
        )
    )
    assert hover.contents.value == "**Quote**: nobody is credited with it."

    edits = await ignore_edits(client, uri, diags)
    assert apply(MD_DRAFT, edits).endswith(
        "\n\n<!-- copydesk-disable-next-line quote/unattributed -->\n\"We will not back down.\"\n"
    )


async def test_the_ignore_comment_silences_the_finding(client: LanguageClient, tmp_path):
    uri, diags = await open_markdown_draft(client, tmp_path)
    edits = await ignore_edits(client, uri, diags)
    future = expect_publish(client)
    client.text_document_did_change(
        T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=as_changes(edits),
        )
    )
    assert list(await published(future, uri, 2)) == []
