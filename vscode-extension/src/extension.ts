/**
 * gxlint for VS Code: a thin client. The language server lives in the Python package
 * (`python -m gxlint lsp`); this extension finds it, starts it, passes the settings and adds a
 * few commands and a status bar item.
 */
import * as vscode from 'vscode';
import { ServerManager } from './client';
import { findGxlint } from './launch';
import { checkWorkspace, checkWorkspaceCommand, SERVER_CHECK_WORKSPACE } from './checkWorkspace';
import { registerMcpServer } from './mcp';
import { onDidChangeSelectedInterpreter } from './python';
import { adoptUntitledReports } from './reportLanguage';
import { getExtensionSettings, getServerSettings, LANGUAGES, RESTART_KEYS, SECTION, workspaceFolderFor } from './settings';
import { StatusBar } from './statusBar';

let manager: ServerManager | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const log = vscode.window.createOutputChannel('gxlint', { log: true });
    const workspaceDiagnostics = vscode.languages.createDiagnosticCollection('gxlint-workspace');
    context.subscriptions.push(log, workspaceDiagnostics);

    // gxlint.logTiming, read when it changes (not at every keystroke)
    let logTiming = getServerSettings().logTiming;

    // Once the server reports on a document, the workspace check's older findings for it go
    // (only when there are some: a delete is a message to the window at every keystroke)
    const forgetCheck = (uri: vscode.Uri): void => {
        if (workspaceDiagnostics.has(uri)) {
            workspaceDiagnostics.delete(uri);
        }
    };
    manager = new ServerManager(log, {
        handleDiagnostics: (uri, diagnostics, next) => {
            forgetCheck(uri);
            next(uri, diagnostics);
        },
        // gxlint.logTiming: when each change left for the server (epoch ms, beside the server's
        // own timing lines: the editor's part of a keystroke's latency and the server's)
        didChange: async (event, next) => {
            if (logTiming) {
                log.info(`gxlint timing: didChange ${event.document.uri.toString()} v${event.document.version} sent at epoch ms ${Date.now()}`);
            }
            return next(event);
        },
        provideDiagnostics: async (document, previousResultId, token, next) => {
            const report = await next(document, previousResultId, token);
            forgetCheck(document instanceof vscode.Uri ? document : document.uri);
            return report;
        },
    }, { extensionPath: context.extensionPath, storageDir: context.globalStorageUri.fsPath });
    const server = manager;
    context.subscriptions.push(server);

    // a report typed or snippet-inserted into an untitled file: the report language, set explicitly
    // (VS Code's language detection would otherwise switch it to "Ini" and gxlint would stop)
    context.subscriptions.push(adoptUntitledReports(log));

    // gxlint.mcp.enable: gxlint's MCP server for VS Code's agent mode (VS Code 1.101 and later)
    context.subscriptions.push(...registerMcpServer(log, async () => server.gxlint ?? (await findGxlint(log)).command));

    const status = new StatusBar(() => server.running);
    context.subscriptions.push(status, server.onDidChangeState(() => status.update()));
    // the CLI's findings (Check Workspace without a server) never sit beside the server's
    context.subscriptions.push(
        server.onDidChangeState(() => {
            if (server.running) {
                workspaceDiagnostics.clear();
            }
        }),
    );

    const isLiveLinted = (uri: vscode.Uri): boolean =>
        server.running &&
        vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && LANGUAGES.has(d.languageId));

    context.subscriptions.push(
        vscode.commands.registerCommand('gxlint.restart', () => server.restartByUser()),
        vscode.commands.registerCommand('gxlint.showOutput', () => log.show()),
        vscode.commands.registerCommand('gxlint.checkWorkspace', async () => {
            if (!vscode.workspace.workspaceFolders?.length) {
                void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to check its reports.'));
                return;
            }
            try {
                await checkWorkspaceCommand({
                    running: () => server.running,
                    start: async () => {
                        await server.ensureStarted();
                    },
                    askServer: () => vscode.commands.executeCommand(SERVER_CHECK_WORKSPACE),
                    runCli: async () => {
                        const gxlint = server.gxlint ?? (await findGxlint(log)).command;
                        if (!gxlint) {
                            void vscode.window.showWarningMessage(
                                vscode.l10n.t('gxlint was not found. Install it from a checkout of its repository with "python3 -m pip install .", or set "gxlint.interpreter".'),
                            );
                            return;
                        }
                        await checkWorkspace(gxlint, workspaceDiagnostics, log, isLiveLinted);
                    },
                    clearCli: () => workspaceDiagnostics.clear(),
                    progress: (task) =>
                        vscode.window.withProgress(
                            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('gxlint: checking the workspace…') },
                            task,
                        ),
                    log,
                    showProblems: () => vscode.commands.executeCommand('workbench.actions.view.problems'),
                });
            } catch (err) {
                const message = err instanceof Error ? err.message : String(err);
                log.error(`Check workspace failed: ${message}`);
                void vscode.window.showErrorMessage(vscode.l10n.t('gxlint could not check the workspace: {0}', message));
            }
        }),
    );

    // Settings take effect without reloading: a new process for enable/path/interpreter,
    // otherwise the running server gets the new settings.
    context.subscriptions.push(
        vscode.workspace.onDidChangeConfiguration(async (e) => {
            if (!e.affectsConfiguration(SECTION)) {
                return;
            }
            logTiming = getServerSettings().logTiming;
            if (RESTART_KEYS.some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) {
                // the log says what happened: a value that another scope overrides changes nothing
                const restarted = await server.ensureStarted();
                if (restarted) {
                    log.info(`Settings changed (gxlint.enable/path/interpreter): the server was ${server.running ? 'restarted' : 'stopped'}`);
                } else {
                    log.info('Settings changed: gxlint.enable/path/interpreter as they apply to this window are unchanged (another scope overrides the one changed): the server keeps running');
                }
            } else if (server.usesPullDiagnostics && e.affectsConfiguration(`${SECTION}.run`)) {
                log.info('Settings changed: restarting the server');
                await server.restart();
            } else {
                await server.pushSettings();
            }
        }),
        vscode.workspace.onDidGrantWorkspaceTrust(() => server.restart()),
        vscode.workspace.onDidChangeWorkspaceFolders(() => server.restart()),
    );

    // A new interpreter selected in the Python extension matters when no setting names gxlint.
    const sub = await onDidChangeSelectedInterpreter(() => {
        const ext = getExtensionSettings(workspaceFolderFor(undefined));
        if (!ext.path && !ext.interpreter) {
            log.info('The Python extension selected another interpreter: restarting the server');
            void server.restart();
        }
    });
    if (sub) {
        context.subscriptions.push(sub);
    }

    // Finding Python and starting the server can take seconds: activation does not wait for it.
    server.restart().catch((err: unknown) => log.error(`Starting gxlint: ${err instanceof Error ? err.message : String(err)}`));
}

export async function deactivate(): Promise<void> {
    await manager?.stop();
    manager = undefined;
}
