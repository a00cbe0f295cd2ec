/**
 * "gxlint: Check Workspace": runs the CLI (`gxlint check --format json`) over each workspace folder
 * and puts what it finds in the Problems panel.
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

/**
 * Runs `gxlint check --format json .` in every workspace folder and shows the results in the
 * Problems panel. Documents the running server already lints are left to it (no duplicates).
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
