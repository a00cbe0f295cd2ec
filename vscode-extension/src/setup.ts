/**
 * Set-up in one click: the .vsix carries gxlint's wheel (bundled/gxlint-*.whl, built by
 * `npm run package`). When no working gxlint is found, ONE notification offers to install that wheel
 * into the current interpreter, or into a private virtual environment (`<globalStorage>/venv`) that
 * the extension creates and then uses as gxlint.interpreter. No package index needs to list gxlint:
 * pip installs the local wheel file (its own dependencies come from the configured index as usual).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Log } from './launch';
import { describe, type ProbeResult } from './serverCommand';

export type SetupChoice = 'interpreter' | 'venv' | 'output';

export interface Step {
    command: string;
    args: string[];
}

/** The bundled wheel in `<extension>/bundled`, or undefined (a development checkout without one). */
export function findBundledWheel(extensionPath: string): string | undefined {
    const dir = path.join(extensionPath, 'bundled');
    let names: string[];
    try {
        names = fs.readdirSync(dir);
    } catch {
        return undefined;
    }
    const wheels = names.filter((n) => /^gxlint-.+\.whl$/i.test(n)).sort();
    const last = wheels[wheels.length - 1];
    return last ? path.join(dir, last) : undefined;
}

/** The private virtual environment's folder. */
export function venvDir(storageDir: string): string {
    return path.join(storageDir, 'venv');
}

/** Its interpreter. */
export function venvPython(dir: string, platform: NodeJS.Platform): string {
    return platform === 'win32' ? path.win32.join(dir, 'Scripts', 'python.exe') : path.posix.join(dir, 'bin', 'python');
}

/**
 * The commands a choice runs, in order, and the interpreter the server then uses.  ``fallback``:
 * what runs instead when the first step fails — a Python without ensurepip (Debian, Ubuntu, UOS and
 * Kylin without the python3-venv package) cannot make an environment with pip in it, so the
 * environment is made without pip and the interpreter's own pip installs into it (``--python``,
 * pip 22.3 and later).
 */
export function setupPlan(
    choice: 'interpreter' | 'venv',
    python: string,
    wheel: string,
    storageDir: string,
    platform: NodeJS.Platform,
): { steps: Step[]; interpreter: string; fallback?: Step[] } {
    if (choice === 'interpreter') {
        return { steps: [{ command: python, args: ['-m', 'pip', 'install', wheel] }], interpreter: python };
    }
    const dir = venvDir(storageDir);
    const vpy = venvPython(dir, platform);
    return {
        steps: [
            { command: python, args: ['-m', 'venv', dir] },
            { command: vpy, args: ['-m', 'pip', 'install', wheel] },
        ],
        interpreter: vpy,
        fallback: [
            { command: python, args: ['-m', 'venv', '--without-pip', '--clear', dir] },
            { command: python, args: ['-m', 'pip', '--python', vpy, 'install', wheel] },
        ],
    };
}

export interface SetupDeps {
    wheel: string | undefined;
    /** Candidate base interpreters, in order (gxlint.interpreter, the Python extension's, python3/python on PATH). */
    candidates: string[];
    storageDir: string;
    platform: NodeJS.Platform;
    log: Log;
    /** Shows the notification; returns the chosen action's title. */
    ask(message: string, ...actions: string[]): Promise<string | undefined>;
    run(command: string, args: string[]): Promise<ProbeResult>;
    mkdir(dir: string): void;
    showOutput(): void;
    /** Runs `task` while a progress notification says `title` (pip may take minutes to fetch dependencies). */
    progress<T>(title: string, task: () => Promise<T>): Promise<T>;
    /** Makes the server use this interpreter (gxlint.interpreter, user settings). */
    useInterpreter(python: string): Promise<void>;
}

export const ACTION_INTERPRETER = (): string => vscode.l10n.t('Install into Current Interpreter');
export const ACTION_VENV = (): string => vscode.l10n.t('Install into Private Environment');
export const ACTION_OUTPUT = (): string => vscode.l10n.t('Show Output');

/** The first candidate that runs (`<python> --version`), or undefined. */
export async function baseInterpreter(deps: Pick<SetupDeps, 'candidates' | 'run' | 'log'>): Promise<string | undefined> {
    for (const c of deps.candidates) {
        const r = await deps.run(c, ['--version']).catch((e: unknown) => ({ ok: false, output: String(e) }));
        if (r.ok) {
            deps.log.info(`Base interpreter: ${c} (${r.output.trim()})`);
            return c;
        }
        deps.log.warn(`${describe(c, ['--version'])} failed: ${r.output.trim()}`);
    }
    return undefined;
}

/**
 * Offers the set-up (one notification) and runs the choice. Returns the interpreter gxlint is now
 * installed in (the caller then starts the server), or undefined (nothing chosen, no wheel, a step failed).
 */
export async function offerSetup(deps: SetupDeps): Promise<string | undefined> {
    if (!deps.wheel) {
        return undefined;
    }
    const inInterpreter = ACTION_INTERPRETER();
    const inVenv = ACTION_VENV();
    const output = ACTION_OUTPUT();
    const pick = await deps.ask(
        vscode.l10n.t('gxlint was not found. Install the gxlint that comes with this extension?'),
        inInterpreter,
        inVenv,
        output,
    );
    if (pick === output) {
        deps.showOutput();
        return undefined;
    }
    if (pick !== inInterpreter && pick !== inVenv) {
        return undefined;
    }
    const python = await baseInterpreter(deps);
    if (!python) {
        deps.log.error('No Python interpreter was found to install gxlint into: install Python 3.10+ or set gxlint.interpreter.');
        deps.showOutput();
        return undefined;
    }
    const choice = pick === inInterpreter ? 'interpreter' : 'venv';
    const plan = setupPlan(choice, python, deps.wheel, deps.storageDir, deps.platform);
    if (choice === 'venv') {
        deps.mkdir(deps.storageDir);
    }
    const runAll = async (steps: Step[]): Promise<Step | undefined> => {
        for (const step of steps) {
            deps.log.info(`Running: ${describe(step.command, step.args)}`);
            const r = await deps.run(step.command, step.args).catch((e: unknown) => ({ ok: false, output: String(e) }));
            if (r.output.trim()) {
                deps.log.info(r.output.trim());
            }
            if (!r.ok) {
                return step;
            }
        }
        return undefined;
    };
    const failed = await deps.progress(vscode.l10n.t('Installing gxlint…'), async () => {
        const first = await runAll(plan.steps);
        if (first !== undefined && first === plan.steps[0] && plan.fallback) {
            deps.log.warn('Could not make the environment with pip in it (without the python3-venv package?): making it without pip, and installing with the interpreter’s own pip.');
            return runAll(plan.fallback);
        }
        return first;
    });
    if (failed) {
        deps.log.error(`Set-up failed: ${describe(failed.command, failed.args)}`);
        if (choice === 'venv') {
            deps.log.error('To make a private environment Python needs its venv module with ensurepip (on Debian, Ubuntu, UOS, Kylin: the python3-venv package) or pip 22.3 or later; or choose "Install into Current Interpreter".');
        }
        deps.showOutput();
        return undefined;
    }
    if (choice === 'venv') {
        await deps.useInterpreter(plan.interpreter);
        deps.log.info(`gxlint.interpreter set to ${plan.interpreter}`);
    }
    deps.log.info(`gxlint installed into ${plan.interpreter}: starting the server`);
    return plan.interpreter;
}
