/**
 * How the extension launches the server: which gxlint (see serverCommand.ts for the order), the
 * command line, working directory, environment and initializationOptions. The integration test
 * starts the server through these same functions.
 */
import * as vscode from 'vscode';
import { getSelectedInterpreter } from './python';
import { checkArgsFor } from './checkOutput';
import { checkCommandLine, type ConfiguredFailure, configuredFailures, describe, execProbe, gxlintEnv, type GxlintCommand, lspCommandLine, NEUTRAL_CWD, resolveGxlintCommand, type Resolution } from './serverCommand';
import { getExtensionSettings, getServerSettings, type ServerSettings, workspaceFolderFor } from './settings';

export interface Log {
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
}

/** Where gxlint is found for this window (scope: the first workspace folder), with every attempt logged. */
export async function findGxlint(log: Log): Promise<Resolution> {
    const folder = workspaceFolderFor(undefined);
    const ext = getExtensionSettings(folder);
    const resolution = await resolveGxlintCommand({
        path: ext.path,
        interpreter: ext.interpreter,
        pythonExtensionInterpreter: () => getSelectedInterpreter(folder?.uri),
        probe: execProbe,
        platform: process.platform,
    });
    for (const a of resolution.attempts) {
        const what = a.command ? describe(a.command, [...a.args, '--version']) : '';
        if (a.ok) {
            log.info(`[${a.source}] ${what} → ${a.detail}`);
        } else {
            log.warn(`[${a.source}] ${what} failed: ${a.detail}`);
        }
    }
    const cmd = resolution.command;
    if (cmd) {
        log.info(`Using gxlint from ${cmd.source}: ${describe(cmd.command, cmd.args)} (${cmd.version})`);
    } else {
        log.error('gxlint was not found (tried: gxlint.path, gxlint.interpreter, the Python extension, gxlint and python3/python on PATH)');
    }
    // a configured gxlint that does not run, and another one is used instead: a notification says so
    // (when none is found, the "gxlint was not found" notification — and its set-up — comes instead)
    for (const failure of configuredFailures(resolution)) {
        if (failure.instead) {
            notifyConfiguredFailure(failure, log);
        }
    }
    return resolution;
}

/** The settings already said not to work (setting=value), so that a restart does not say it again. */
const notified = new Set<string>();

/** A gxlint.path / gxlint.interpreter that was set and does not run gxlint: a notification (once per
 * value), as the server falls back to what else was found. */
function notifyConfiguredFailure(failure: ConfiguredFailure, log: Log): void {
    const key = `${failure.setting}=${failure.value}`;
    if (notified.has(key)) {
        return;
    }
    notified.add(key);
    const message = vscode.l10n.t('{0} "{1}" does not run gxlint ({2}). gxlint runs from {3} instead.', failure.setting, failure.value, failure.detail, failure.instead ?? '');
    log.warn(message);
    const open = vscode.l10n.t('Open Settings');
    void vscode.window.showWarningMessage(message, open).then((pick) => {
        if (pick === open) {
            void vscode.commands.executeCommand('workbench.action.openSettings', failure.setting);
        }
    });
}

export interface ServerLaunch {
    command: string;
    args: string[];
    options: { cwd: string; env: NodeJS.ProcessEnv };
    initializationOptions: ServerSettings;
}

/**
 * The working directory of the language server: never the workspace, trusted or not. With
 * `python -m` the working directory goes first on sys.path (Python 3.10, or wherever
 * PYTHONSAFEPATH is not honoured), so a workspace's `gxlint/`, `regex.py` or planted
 * `*.dist-info` would be imported by a server that starts as soon as a file is opened. The server
 * is told the workspace by `initialize`, and its paths are absolute.
 */
export function serverCwd(): string {
    return NEUTRAL_CWD;
}

/**
 * The working directory of "Check Workspace" (run by an explicit command): the workspace folder in
 * a trusted workspace (as when the user runs gxlint there: its configuration is the base), the
 * extension's own folder otherwise. gxlint itself drops the working directory from sys.path.
 */
export function checkCwd(folder: vscode.WorkspaceFolder | undefined): string {
    return folder && vscode.workspace.isTrusted ? folder.uri.fsPath : NEUTRAL_CWD;
}

/** The server process for `gxlint` (stdio, no extra arguments) and what `initialize` carries. */
export function serverLaunch(gxlint: GxlintCommand): ServerLaunch {
    const folder = workspaceFolderFor(undefined);
    const { command, args } = lspCommandLine(gxlint);
    return {
        command,
        args,
        options: { cwd: serverCwd(), env: gxlintEnv(process.env) },
        initializationOptions: getServerSettings(folder),
    };
}

export interface CheckLaunch {
    command: string;
    args: string[];
    cwd: string;
    env: NodeJS.ProcessEnv;
}

/** "Check Workspace" for one folder: `gxlint check --format json … <folder>` with the folder's settings. */
export function checkLaunch(gxlint: GxlintCommand, folder: vscode.WorkspaceFolder): CheckLaunch {
    const { command, args } = checkCommandLine(gxlint, [...checkArgsFor(getServerSettings(folder)), folder.uri.fsPath]);
    return { command, args, cwd: checkCwd(folder), env: gxlintEnv(process.env) };
}
