/** The language client: one `gxlint lsp` process for the window, started, restarted and fed settings here. */
import * as vscode from 'vscode';
import {
    DidChangeConfigurationNotification,
    LanguageClient,
    type LanguageClientOptions,
    type Middleware,
    ResponseError,
    RevealOutputChannelOn,
    type ServerOptions,
    State,
} from 'vscode-languageclient/node';
import { execFile } from 'child_process';
import * as fs from 'fs';
import { findGxlint, serverLaunch } from './launch';
import { getSelectedInterpreter } from './python';
import { describe, gxlintEnv, type GxlintCommand, NEUTRAL_CWD, pathInterpreters, type ProbeResult } from './serverCommand';
import { Lifecycle, NotFoundNotice } from './lifecycle';
import { openNewReport } from './reportLanguage';
import { findBundledWheel, offerSetup } from './setup';
import {
    answerConfiguration,
    DOCUMENT_SELECTOR,
    getExtensionSettings,
    getServerSettings,
    getSettingsProblems,
    type ServerSettings,
    workspaceFolderFor,
} from './settings';

export const CLIENT_ID = 'gxlint';

export class ServerManager implements vscode.Disposable {
    private client: LanguageClient | undefined;
    private command: GxlintCommand | undefined;
    private readonly notice = new NotFoundNotice();
    private readonly lifecycle = new Lifecycle({
        start: () => this.startNow(),
        stop: () => this.stopNow(),
        running: () => this.running,
        settingsKey: () => JSON.stringify(getExtensionSettings(workspaceFolderFor(undefined))),
    });
    private readonly stateEmitter = new vscode.EventEmitter<void>();
    /** Fires when the server starts or stops. */
    readonly onDidChangeState = this.stateEmitter.event;

    constructor(
        private readonly log: vscode.LogOutputChannel,
        private readonly middleware: Middleware,
        /** The extension's folder (for the bundled wheel) and its global storage (for the private venv). */
        private readonly paths?: { extensionPath: string; storageDir: string },
    ) {}

    get running(): boolean {
        return this.client?.state === State.Running;
    }

    /** The gxlint the running server was started from (for the CLI commands), if any. */
    get gxlint(): GxlintCommand | undefined {
        return this.command;
    }

    /** Starts (or restarts) the server; calls are serialised. */
    restart(): Promise<void> {
        return this.lifecycle.restart();
    }

    /** "gxlint: Restart Server": a restart that offers the set-up again when gxlint is still missing. */
    restartByUser(): Promise<void> {
        this.notice.reset();
        return this.lifecycle.restart();
    }

    /** Starts the server unless it already runs with the current enable/path/interpreter settings
     * (a change of those settings, and the end of the set-up, ask for this: it starts once). */
    ensureStarted(): Promise<boolean> {
        return this.lifecycle.ensureStarted();
    }

    stop(): Promise<void> {
        return this.lifecycle.stop();
    }

    /** Sends the current settings to the running server (no restart). */
    async pushSettings(): Promise<void> {
        for (const p of getSettingsProblems()) {
            this.log.warn(p);
        }
        if (this.client && this.running) {
            const settings: { gxlint: ServerSettings } = { gxlint: getServerSettings() };
            this.log.info(`Settings changed: ${JSON.stringify(settings.gxlint)}`);
            await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings });
        }
    }

    /** Whether the running server pulls diagnostics (then gxlint.run decides the client's pull triggers). */
    get usesPullDiagnostics(): boolean {
        return !!this.client?.initializeResult?.capabilities.diagnosticProvider;
    }

    dispose(): void {
        void this.stop();
        this.stateEmitter.dispose();
    }

    private async stopNow(): Promise<void> {
        const client = this.client;
        this.client = undefined;
        if (client) {
            try {
                await client.stop(5000);
            } catch (err) {
                this.log.warn(`Stopping the server: ${String(err)}`);
            }
            await client.dispose().catch(() => undefined);
            this.stateEmitter.fire();
        }
    }

    private async startNow(): Promise<void> {
        const folder = workspaceFolderFor(undefined);
        if (!getExtensionSettings(folder).enable) {
            this.log.info('gxlint.enable is false: the server is not started');
            return;
        }
        const resolution = await findGxlint(this.log);
        this.command = resolution.command;
        if (!resolution.command) {
            // not awaited: the question waits for the user (a notification can sit unanswered in the
            // notification centre), and restarts — a setting fixed by hand — must not wait for it
            if (this.notice.take()) {
                void this.notifyNotFound()
                    .catch((err: unknown) => this.log.error(`Set-up: ${err instanceof Error ? err.message : String(err)}`))
                    .finally(() => this.notice.closed());
            }
            return;
        }
        this.notice.reset();
        const launch = serverLaunch(resolution.command);
        const { command, args } = launch;
        const serverOptions: ServerOptions = { command, args, options: launch.options };
        for (const p of getSettingsProblems(folder)) {
            this.log.warn(p);
        }
        const settings = launch.initializationOptions;
        const clientOptions: LanguageClientOptions = {
            documentSelector: DOCUMENT_SELECTOR,
            outputChannel: this.log,
            traceOutputChannel: this.log,
            revealOutputChannelOn: RevealOutputChannelOn.Never,
            initializationOptions: settings,
            diagnosticCollectionName: 'gxlint',
            diagnosticPullOptions: { onChange: settings.run === 'onType', onSave: true },
            markdown: { isTrusted: false, supportHtml: false },
            middleware: {
                ...this.middleware,
                // gxlint.newReport from the command palette (no arguments): ask for the year, let the
                // server write the official skeleton, open it in a new editor
                executeCommand: async (command, args, next) => {
                    if (command !== 'gxlint.newReport' || args.length > 0) {
                        return next(command, args) as never;
                    }
                    const last = new Date().getFullYear() - 1;
                    const years = [last, last - 1, last - 2].map(String);
                    const year = await vscode.window.showQuickPick(years, {
                        placeHolder: vscode.l10n.t('Year the report covers'),
                    });
                    if (!year) {
                        return undefined;
                    }
                    const text: unknown = await next(command, [Number(year)]);
                    if (typeof text === 'string') {
                        await openNewReport(text); // in the report language, Save proposing "….txt"
                    }
                    return text as never;
                },
                workspace: {
                    // The client's own didChangeConfiguration (settings: null, on every change of any
                    // setting) is not sent: extension.ts sends gxlint's settings itself, or restarts the
                    // server — the client's copy raced that restart and logged "[error] Sending
                    // notification workspace/didChangeConfiguration failed" (a stopping client)
                    didChangeConfiguration: () => Promise.resolve(),
                    configuration: async (params, token, next) => {
                        const fromVscode = await next(params, token);
                        if (fromVscode instanceof ResponseError) {
                            return fromVscode;
                        }
                        return answerConfiguration(params.items, (fromVscode ?? []) as unknown[]) as never;
                    },
                },
            },
        };
        this.log.info(`Starting: ${describe(command, args)} with ${JSON.stringify(settings)}`);
        const client = new LanguageClient(CLIENT_ID, 'gxlint', serverOptions, clientOptions);
        client.onDidChangeState(() => this.stateEmitter.fire());
        this.client = client;
        try {
            await client.start();
            const info = client.initializeResult?.serverInfo;
            this.log.info(`Server running${info ? `: ${info.name} ${info.version ?? ''}` : ''}`);
        } catch (err) {
            this.log.error(`The server did not start: ${err instanceof Error ? err.message : String(err)}`);
            this.client = undefined;
            await client.dispose().catch(() => undefined);
            // vscode-languageclient has already shown a notification (with "Go to output"): say here what to do.
            const pip = resolution.command.args.length ? describe(command, ['-m', 'pip', 'install', '.']) : 'pip install .';
            this.log.error(
                `${describe(command, args)} did not start a language server. Is gxlint up to date there (in a gxlint checkout: ${pip})? ` +
                    'Or set gxlint.interpreter / gxlint.path to another installation, then run "gxlint: Restart Server".',
            );
        }
        this.stateEmitter.fire();
    }

    private async notifyNotFound(): Promise<void> {
        const wheel = this.paths ? findBundledWheel(this.paths.extensionPath) : undefined;
        if (wheel && this.paths) {
            const folder = workspaceFolderFor(undefined);
            const ext = getExtensionSettings(folder);
            const selected = await getSelectedInterpreter(folder?.uri).catch(() => undefined);
            const candidates = [ext.interpreter, selected ?? '', ...pathInterpreters(process.platform)].filter((c) => c);
            const log = this.log;
            const installed = await offerSetup({
                wheel,
                candidates: [...new Set(candidates)],
                storageDir: this.paths.storageDir,
                platform: process.platform,
                log,
                ask: async (message, ...actions) => vscode.window.showWarningMessage(message, ...actions),
                run: runLong,
                mkdir: (dir) => fs.mkdirSync(dir, { recursive: true }),
                showOutput: () => log.show(true),
                progress: async (title, task) =>
                    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, task),
                useInterpreter: async (python) => {
                    await vscode.workspace.getConfiguration('gxlint').update('interpreter', python, vscode.ConfigurationTarget.Global);
                },
            });
            if (installed) {
                // the gxlint.interpreter change (private environment) asks for the same: one start
                void this.ensureStarted();
            }
            return;
        }
        const pickInterpreter = vscode.l10n.t('Set Interpreter');
        const show = vscode.l10n.t('Show Output');
        const pick = await vscode.window.showWarningMessage(
            vscode.l10n.t(
                'gxlint was not found. gxlint is not on PyPI: install it from a checkout of its repository with "python3 -m pip install ." (or install the wheel that scripts/release.sh builds), or set "gxlint.interpreter" to a Python that has it (or "gxlint.path" to the gxlint executable), then run "gxlint: Restart Server".',
            ),
            pickInterpreter,
            show,
        );
        if (pick === pickInterpreter) {
            await vscode.commands.executeCommand('workbench.action.openSettings', 'gxlint.interpreter');
        } else if (pick === show) {
            this.log.show(true);
        }
    }
}

/** Runs `command args` (no shell, up to 10 minutes: pip may download dependencies); never throws. */
function runLong(command: string, args: string[]): Promise<ProbeResult> {
    return new Promise((resolve) => {
        try {
            execFile(
                command,
                args,
                { timeout: 600000, maxBuffer: 16 * 1024 * 1024, windowsHide: true, cwd: NEUTRAL_CWD, env: gxlintEnv(process.env), encoding: 'utf8' },
                (error, stdout, stderr) => {
                    const output = `${stdout ?? ''}${stderr ?? ''}`.trim();
                    resolve({ ok: !error, output: error && !output ? error.message : output });
                },
            );
        } catch (err) {
            resolve({ ok: false, output: err instanceof Error ? err.message : String(err) });
        }
    });
}
