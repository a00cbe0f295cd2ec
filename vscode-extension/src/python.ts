/** The interpreter selected in the Python extension (ms-python.python), through its published API. */
import { PythonExtension } from '@vscode/python-extension';
import * as vscode from 'vscode';

export const PYTHON_EXTENSION_ID = 'ms-python.python';

let api: PythonExtension | undefined;

async function getApi(): Promise<PythonExtension | undefined> {
    if (!vscode.extensions.getExtension(PYTHON_EXTENSION_ID)) {
        return undefined;
    }
    api ??= await PythonExtension.api();
    return api;
}

/** The executable of the environment selected for `resource`, or undefined (no extension, nothing selected). */
export async function getSelectedInterpreter(resource?: vscode.Uri): Promise<string | undefined> {
    const python = await getApi();
    if (!python) {
        return undefined;
    }
    const envPath = python.environments.getActiveEnvironmentPath(resource);
    const resolved = await python.environments.resolveEnvironment(envPath);
    return resolved?.executable.uri?.fsPath ?? (envPath.path || undefined);
}

/** Calls `listener` when the user selects another interpreter in the Python extension. */
export async function onDidChangeSelectedInterpreter(listener: () => void): Promise<vscode.Disposable | undefined> {
    try {
        const python = await getApi();
        return python?.environments.onDidChangeActiveEnvironmentPath(() => listener());
    } catch {
        return undefined;
    }
}
