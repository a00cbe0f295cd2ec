/**
 * Finding gxlint, in this order (the first one that runs wins, and the log says which):
 *   1. the `gxlint.path` setting — a `gxlint` executable, run as `gxlint lsp`;
 *   2. the `gxlint.interpreter` setting — run as `<python> -m gxlint lsp`;
 *   3. the interpreter selected in the Python extension (through its API, when installed);
 *   4. the `gxlint` command on PATH (installed with pipx, or a tool manager: `python3` may not
 *      have the module) — when it is new enough to serve `gxlint lsp`;
 *   5. `python3`, then `python`, on PATH — when gxlint is importable there.
 * Each candidate is probed with `--version` before it is used.
 */
import { execFile } from 'child_process';

export type CommandSource = 'gxlint.path' | 'gxlint.interpreter' | 'python-extension' | 'PATH';

/** How to run gxlint: `command ...args <subcommand>` (args is [] for an executable, ["-m","gxlint"] for Python). */
export interface GxlintCommand {
    command: string;
    args: string[];
    source: CommandSource;
    /** What `--version` printed, e.g. "gxlint 0.1.0". */
    version: string;
}

export interface Attempt {
    source: CommandSource;
    command: string;
    args: string[];
    ok: boolean;
    detail: string;
}

export interface Resolution {
    command?: GxlintCommand;
    attempts: Attempt[];
}

export interface ProbeResult {
    ok: boolean;
    output: string;
}

export type Probe = (command: string, args: string[]) => Promise<ProbeResult>;

export interface ResolveInputs {
    /** `gxlint.path` (variables already substituted), or "". */
    path: string;
    /** `gxlint.interpreter` (variables already substituted), or "". */
    interpreter: string;
    /** The Python extension's selected interpreter, or undefined when there is none / no extension. */
    pythonExtensionInterpreter: () => Promise<string | undefined>;
    probe: Probe;
    platform: NodeJS.Platform;
}

export const MODULE_ARGS = ['-m', 'gxlint'];

/** The gxlint command looked for on PATH. */
export const PATH_EXECUTABLE = 'gxlint';

/** The names tried on PATH, in order. */
export function pathInterpreters(platform: NodeJS.Platform): string[] {
    return platform === 'win32' ? ['python', 'py', 'python3'] : ['python3', 'python'];
}

export async function resolveGxlintCommand(inputs: ResolveInputs): Promise<Resolution> {
    const attempts: Attempt[] = [];
    const tryOne = async (source: CommandSource, command: string, args: string[]): Promise<GxlintCommand | undefined> => {
        let result: ProbeResult;
        try {
            result = await inputs.probe(command, [...args, '--version']);
        } catch (err) {
            result = { ok: false, output: err instanceof Error ? err.message : String(err) };
        }
        attempts.push({ source, command, args, ok: result.ok, detail: result.output.trim() });
        return result.ok ? { command, args, source, version: firstLine(result.output) } : undefined;
    };

    if (inputs.path) {
        const found = await tryOne('gxlint.path', inputs.path, []);
        if (found) {
            return { command: found, attempts };
        }
    }
    if (inputs.interpreter) {
        const found = await tryOne('gxlint.interpreter', inputs.interpreter, MODULE_ARGS);
        if (found) {
            return { command: found, attempts };
        }
    }
    let selected: string | undefined;
    try {
        selected = await inputs.pythonExtensionInterpreter();
    } catch (err) {
        attempts.push({
            source: 'python-extension',
            command: '',
            args: [],
            ok: false,
            detail: `Python extension API: ${err instanceof Error ? err.message : String(err)}`,
        });
    }
    if (selected) {
        const found = await tryOne('python-extension', selected, MODULE_ARGS);
        if (found) {
            return { command: found, attempts };
        }
    }
    const onPath = await tryOne('PATH', PATH_EXECUTABLE, []);
    if (onPath) {
        // an old gxlint (before its language server) answers --version but has no `lsp` command
        let lsp: ProbeResult;
        try {
            lsp = await inputs.probe(PATH_EXECUTABLE, ['lsp', '--help']);
        } catch (err) {
            lsp = { ok: false, output: err instanceof Error ? err.message : String(err) };
        }
        if (lsp.ok) {
            return { command: onPath, attempts };
        }
        attempts.push({
            source: 'PATH',
            command: PATH_EXECUTABLE,
            args: ['lsp', '--help'],
            ok: false,
            detail: `${onPath.version} has no language server (gxlint lsp): ${lsp.output.trim()}`,
        });
    }
    for (const name of pathInterpreters(inputs.platform)) {
        const found = await tryOne('PATH', name, MODULE_ARGS);
        if (found) {
            return { command: found, attempts };
        }
    }
    return { attempts };
}

/** A gxlint.path / gxlint.interpreter that was set and did not run gxlint, and what is used instead. */
export interface ConfiguredFailure {
    setting: 'gxlint.path' | 'gxlint.interpreter';
    value: string;
    detail: string;
    /** What the server runs from instead ("python3 -m gxlint"), or undefined when nothing was found. */
    instead?: string;
}

/** The configured settings that failed in `resolution` (for a notification, not only a log line). */
export function configuredFailures(resolution: Resolution): ConfiguredFailure[] {
    const cmd = resolution.command;
    const instead = cmd ? describe(cmd.command, cmd.args) : undefined;
    return resolution.attempts
        .filter((a): a is Attempt & { source: 'gxlint.path' | 'gxlint.interpreter' } => !a.ok && (a.source === 'gxlint.path' || a.source === 'gxlint.interpreter'))
        .map((a) => ({ setting: a.source, value: a.command, detail: a.detail, instead }));
}

/** The language server: `gxlint lsp` or `<python> -m gxlint lsp`. */
export function lspCommandLine(cmd: GxlintCommand): { command: string; args: string[] } {
    return { command: cmd.command, args: [...cmd.args, 'lsp'] };
}

/** The CLI: `gxlint check …` or `<python> -m gxlint check …`. */
export function checkCommandLine(cmd: GxlintCommand, checkArgs: string[]): { command: string; args: string[] } {
    return { command: cmd.command, args: [...cmd.args, 'check', ...checkArgs] };
}

/**
 * Environment for every gxlint process: UTF-8 on stdio whatever the locale, and (Python 3.11+)
 * no working directory on sys.path, so a `gxlint/` folder in a workspace is never what `-m gxlint` runs.
 */
export function gxlintEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return { ...base, PYTHONUTF8: '1', PYTHONIOENCODING: 'utf-8', PYTHONSAFEPATH: '1' };
}

/**
 * The working directory of every process the extension starts: the extension's own folder, never
 * the workspace (see launch.ts `serverCwd`).
 */
export const NEUTRAL_CWD = __dirname;

/** Runs `command args` (no shell, outside the workspace) and says whether it exited 0; never throws. */
export const execProbe: Probe = (command, args) =>
    new Promise((resolve) => {
        try {
            execFile(
                command,
                args,
                { timeout: 20000, windowsHide: true, cwd: NEUTRAL_CWD, env: gxlintEnv(process.env), encoding: 'utf8' },
                (error, stdout, stderr) => {
                    const output = `${stdout ?? ''}${stderr ?? ''}`.trim();
                    if (error) {
                        const code = (error as NodeJS.ErrnoException).code;
                        const why = code === 'ENOENT' ? 'not found' : output || error.message;
                        resolve({ ok: false, output: lastLines(why, 3) });
                    } else {
                        resolve({ ok: true, output });
                    }
                },
            );
        } catch (err) {
            resolve({ ok: false, output: err instanceof Error ? err.message : String(err) });
        }
    });

/** "`python3 -m gxlint`" for messages. */
export function describe(command: string, args: string[]): string {
    return [command, ...args].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

function firstLine(s: string): string {
    return s.trim().split(/\r?\n/)[0] ?? '';
}

function lastLines(s: string, n: number): string {
    return s.trim().split(/\r?\n/).slice(-n).join(' | ');
}
