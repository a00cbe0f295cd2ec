/**
 * "gxlint: Check Workspace": asks the language server to check every report of the workspace again
 * (`gxlint.server.checkWorkspace`); its findings show through the server's own diagnostics (the
 * workspace diagnostics it already keeps for closed reports), so the Problems panel has one copy of
 * each, kept up to date as files change and gone with the server. Only when the server does not run
 * (disabled, or it did not start) does the command run the CLI (`gxlint check --format json`) over
 * each folder; those findings are cleared as soon as the server runs.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { describe, type GxlintCommand } from './serverCommand';
import { checkLaunch } from './launch';
import { type SeverityName } from './settings';
import { isPosition, type JsonFile, type JsonPosition, parseCheckOutput, PositionMapper } from './checkOutput';

const SEVERITY: Record<SeverityName, vscode.DiagnosticSeverity> = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    information: vscode.DiagnosticSeverity.Information,
    hint: vscode.DiagnosticSeverity.Hint,
};

async function readUtf8(file: string): Promise<string | undefined> {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(await fs.readFile(file));
    } catch {
        return undefined;
    }
}

/** The CLI's findings for one file as VS Code diagnostics. */
export function toVscodeDiagnostics(file: JsonFile, text: string | undefined): vscode.Diagnostic[] {
    const mapper = new PositionMapper(text);
    const uri = vscode.Uri.file(file.path);
    const range = (a: JsonPosition, b: JsonPosition): vscode.Range => {
        const s = mapper.map(a);
        const e = mapper.map(b);
        return new vscode.Range(s.line, s.character, e.line, e.character);
    };
    return file.diagnostics.map((d) => {
        const diag = new vscode.Diagnostic(range(d.start, d.end), d.message, SEVERITY[d.severity] ?? vscode.DiagnosticSeverity.Warning);
        diag.source = 'gxlint';
        diag.code = d.code;
        if (d.related?.length) {
            diag.relatedInformation = d.related
                .filter((r) => isPosition(r.start) && isPosition(r.end))
                .map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, range(r.start, r.end)), r.message));
        }
        return diag;
    });
}

function run(
    command: string,
    args: string[],
    cwd: string,
    env: NodeJS.ProcessEnv,
    token: vscode.CancellationToken,
): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = execFile(
            command,
            args,
            { cwd, env, maxBuffer: 512 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
            (error, stdout, stderr) => {
                const code: unknown = error?.code;
                if (error && typeof code !== 'number') {
                    // not started (ENOENT), killed, or too much output
                    reject(new Error(error.message));
                    return;
                }
                resolve({ code: typeof code === 'number' ? code : 0, stdout, stderr });
            },
        );
        token.onCancellationRequested(() => child.kill());
    });
}

/** The server command behind "Check Workspace" (gxlint/lsp/features/workspace.py). */
export const SERVER_CHECK_WORKSPACE = 'gxlint.server.checkWorkspace';

/** What the server found: reports checked and the findings it shows for them. */
export interface ServerCheck {
    files: number;
    problems: number;
}

/** The server command's answer, or undefined if it is not one. */
export function parseServerCheck(result: unknown): ServerCheck | undefined {
    const r = result as ServerCheck | undefined;
    return r && typeof r === 'object' && Number.isInteger(r.files) && Number.isInteger(r.problems)
        ? { files: r.files, problems: r.problems }
        : undefined;
}

/** What the command needs from the extension (injected: the unit tests give their own). */
export interface CheckWorkspaceDeps {
    running(): boolean;
    /** Starts the server unless it runs (it may stay stopped: disabled, not found). */
    start(): Promise<void>;
    /** Runs the server command (`SERVER_CHECK_WORKSPACE`). */
    askServer(): Thenable<unknown>;
    /** The CLI's findings, when the server does not run. */
    runCli(): Promise<void>;
    /** Clears the CLI's findings (the server's are the only ones while it runs). */
    clearCli(): void;
    progress<T>(task: () => Thenable<T>): Thenable<T>;
    log: { info(message: string): void; warn(message: string): void };
    showProblems(): Thenable<unknown>;
}

/** "gxlint: Check Workspace": the server when it runs (started if need be), the CLI otherwise. */
export async function checkWorkspaceCommand(deps: CheckWorkspaceDeps): Promise<'server' | 'cli'> {
    if (!deps.running()) {
        await deps.start();
    }
    if (!deps.running()) {
        deps.log.info('Check workspace: the server is not running; running gxlint check');
        await deps.runCli();
        return 'cli';
    }
    deps.clearCli();
    const result = parseServerCheck(await deps.progress(() => deps.askServer()));
    if (result) {
        deps.log.info(`Check workspace: the server shows ${result.problems} problem(s) in ${result.files} report(s)`);
    } else {
        deps.log.warn('Check workspace: the server did not say what it found');
    }
    await deps.showProblems();
    return 'server';
}

/**
 * The fallback when the server does not run: `gxlint check --format json .` in every workspace
 * folder, the results in ``collection`` (cleared when the server starts).
 */
export async function checkWorkspace(
    gxlint: GxlintCommand,
    collection: vscode.DiagnosticCollection,
    log: vscode.LogOutputChannel,
    isLiveLinted: (uri: vscode.Uri) => boolean,
): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to check its reports.'));
        return;
    }
    await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('gxlint: checking the workspace…'), cancellable: true },
        async (_progress, token) => {
            collection.clear();
            let files = 0;
            let problems = 0;
            for (const folder of folders) {
                const { command, args, cwd, env } = checkLaunch(gxlint, folder);
                log.info(`Check workspace: ${describe(command, args)} (in ${cwd})`);
                let result: { code: number; stdout: string; stderr: string };
                try {
                    result = await run(command, args, cwd, env, token);
                } catch (err) {
                    if (token.isCancellationRequested) {
                        return;
                    }
                    throw err;
                }
                if (token.isCancellationRequested) {
                    return;
                }
                if (result.stderr.trim()) {
                    log.warn(result.stderr.trim());
                }
                if (result.code !== 0 && result.code !== 1) {
                    throw new Error(result.stderr.trim().split(/\r?\n/).slice(-1)[0] || `exit code ${result.code}`);
                }
                const output = parseCheckOutput(result.stdout, cwd);
                for (const file of output.files) {
                    files += 1;
                    const uri = vscode.Uri.file(file.path);
                    if (!file.diagnostics.length || isLiveLinted(uri)) {
                        continue;
                    }
                    problems += file.diagnostics.length;
                    collection.set(uri, toVscodeDiagnostics(file, await readUtf8(file.path)));
                }
            }
            log.info(`Check workspace: ${problems} problem(s) in ${files} file(s)`);
            await vscode.commands.executeCommand('workbench.actions.view.problems');
        },
    );
}
