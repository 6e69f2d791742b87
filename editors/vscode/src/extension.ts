/**
 * The copydesk VS Code extension: a thin `vscode-languageclient` wrapper
 * around `copydesk lsp`. Everything that is a decision (which binary, what
 * the server's settings payload looks like, which rule docs to open, the
 * starter `copydesk.toml`) lives in small pure modules with unit tests; this
 * file only wires them to VS Code.
 *
 * Settings reach the server two ways, both through `toWireSettings`: the
 * server pulls the `copydesk` section (`workspace/configuration`, answered by
 * the middleware below) and we push it on every change
 * (`workspace/didChangeConfiguration`). `synchronize.configurationSection`
 * is deliberately not used: it would forward the whole section, and the
 * server refuses the client-only keys (`server`, `trace`).
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

import { askLoginShell, Discovery, findServer } from './discovery';
import { docsAt } from './ruleDocs';
import { SERVER_SETTINGS, toWireSettings, WireSettings } from './settings';
import { PRESETS, starterConfig } from './starter';

const SECTION = 'copydesk';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let extensionPath = '';
/** The "no server" warning is shown once per session, not on every restart. */
let warnedMissing = false;
let shownProblems = new Set<string>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('copydesk');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('copydesk.restartServer', restart),
    vscode.commands.registerCommand('copydesk.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('copydesk.openRuleDocs', openRuleDocs),
    vscode.commands.registerCommand('copydesk.createConfig', createConfig),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('copydesk.server.path')) {
        await restart();
      } else if (SERVER_SETTINGS.some((s) => event.affectsConfiguration(s))) {
        await pushSettings();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

function discover(): Promise<Discovery> {
  return findServer({
    configured: vscode.workspace.getConfiguration(SECTION).get<string>('server.path'),
    extensionPath,
    pathEnv: process.env.PATH,
    cargoHome: process.env.CARGO_HOME,
    homeDir: os.homedir(),
    shell: process.env.SHELL,
    platform: process.platform,
    isExecutable,
    loginShell: (shell) => askLoginShell(shell),
  });
}

async function start(): Promise<void> {
  const found = await discover();
  if (!found.found) {
    output.appendLine(found.message);
    if (!warnedMissing) {
      warnedMissing = true;
      const choice = await vscode.window.showWarningMessage(found.message, 'Open Settings', 'Show Output');
      if (choice === 'Open Settings') {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'copydesk.server.path');
      } else if (choice === 'Show Output') {
        output.show(true);
      }
    }
    return;
  }
  output.appendLine(`copydesk: looked at ${found.looked.join('; ')}`);
  output.appendLine(`copydesk: starting ${found.command} lsp (${found.source})`);
  // No `transport`: languageclient would append `--stdio`, which
  // `copydesk lsp` does not take; stdio is the default anyway.
  const serverOptions: ServerOptions = { command: found.command, args: ['lsp'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'plaintext' }, { language: 'markdown' }],
    outputChannel: output,
    initializationOptions: currentSettings(),
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, i) =>
            item.section === SECTION ? currentSettings(item.scopeUri) : answers[i],
          );
        },
      },
    },
  };
  // The id `copydesk` makes languageclient honour `copydesk.trace.server`.
  client = new LanguageClient(SECTION, 'copydesk', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    output.appendLine(`copydesk: the server failed to start: ${String(err)}`);
    void vscode.window.showErrorMessage(
      `copydesk: the server (${found.command}) failed to start; see the copydesk output.`,
    );
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop().catch((err) => output.appendLine(`copydesk: stop: ${String(err)}`));
  }
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

/**
 * The server's settings. The same section is read for the initialization
 * options, the server's pull and our push: a problem is shown once, not
 * three times.
 */
function currentSettings(scopeUri?: string): WireSettings {
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const { settings, problems } = toWireSettings(vscode.workspace.getConfiguration(SECTION, scope));
  for (const problem of problems) {
    if (!shownProblems.has(problem)) {
      output.appendLine(problem);
      void vscode.window.showWarningMessage(problem);
    }
  }
  shownProblems = new Set(problems);
  return settings;
}

async function pushSettings(): Promise<void> {
  if (!client?.isRunning()) {
    return;
  }
  await client.sendNotification(DidChangeConfigurationNotification.type, {
    settings: { [SECTION]: currentSettings() },
  });
}

async function openRuleDocs(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('copydesk: no active editor.');
    return;
  }
  const diagnostics = vscode.languages.getDiagnostics(editor.document.uri).map((d) => ({
    source: d.source,
    range: d.range,
    href: typeof d.code === 'object' ? d.code.target.toString(true) : undefined,
  }));
  const href = docsAt(diagnostics, editor.selection.active);
  if (!href) {
    void vscode.window.showInformationMessage('copydesk: no copydesk finding at the cursor.');
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(href, true));
}

async function createConfig(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('copydesk: open a folder first; copydesk.toml goes in its root.');
    return;
  }
  const target = vscode.Uri.joinPath(folder.uri, 'copydesk.toml');
  if (await exists(target)) {
    const choice = await vscode.window.showWarningMessage(
      'copydesk.toml already exists in the workspace root.',
      'Open It',
    );
    if (choice === 'Open It') {
      await vscode.window.showTextDocument(target);
    }
    return;
  }
  const picked = await vscode.window.showQuickPick(
    PRESETS.map((p) => ({ label: p.id, detail: p.detail })),
    { placeHolder: 'House style to start from' },
  );
  if (!picked) {
    return;
  }
  const preset = PRESETS.find((p) => p.id === picked.label)!.id;
  // `copydesk init` writes the full commented starter of the installed
  // version; without a binary (or on a remote file system) the minimal one.
  const server = await discover();
  const initialised =
    server.found && folder.uri.scheme === 'file' && (await init(server.command, preset, folder.uri.fsPath));
  if (!initialised) {
    await vscode.workspace.fs.writeFile(target, Buffer.from(starterConfig(preset), 'utf8'));
  }
  await vscode.window.showTextDocument(target);
}

function init(command: string, preset: string, folder: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(command, ['init', '--preset', preset, folder], { timeout: 10000 }, (err, _stdout, stderr) => {
      if (err) {
        output.appendLine(`copydesk: \`copydesk init\` failed (${String(stderr).trim() || err.message}); writing a minimal file`);
      }
      resolve(!err);
    });
  });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

