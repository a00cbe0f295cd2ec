/**
 * The CLI side of "gxlint: Check Workspace": the `check` arguments that carry the editor's settings,
 * and reading `gxlint check --format json` (the contract in spec/cli.md) into editor positions.
 */
import * as path from 'path';
import type { SeverityName, ServerSettings } from './settings';

export interface JsonPosition {
    line: number; // 1-based
    column: number; // 1-based, in code points
    offset: number; // 0-based, in code points
}

export interface JsonDiagnostic {
    code: string;
    name?: string;
    severity: SeverityName;
    message: string;
    start: JsonPosition;
    end: JsonPosition;
    related?: { message: string; start: JsonPosition; end: JsonPosition }[];
}

export interface JsonFile {
    path: string;
    diagnostics: JsonDiagnostic[];
}

export interface CheckOutput {
    files: JsonFile[];
    summary: Record<string, number>;
}

/** The `check` options that carry the editor's settings (so the workspace check agrees with the squiggles). */
export function checkArgsFor(settings: ServerSettings): string[] {
    const args = ['--format', 'json', '--exit-zero', '--lang', settings.lang];
    if (settings.select.length) {
        args.push('--select', settings.select.join(','));
    }
    if (settings.ignore.length) {
        args.push('--ignore', settings.ignore.join(','));
    }
    for (const [code, level] of Object.entries(settings.severity)) {
        args.push('--severity', `${code}=${level}`);
    }
    if (settings.template) {
        args.push('--template', settings.template);
    }
    if (settings.year !== null) {
        args.push('--year', String(settings.year));
    }
    return args;
}

/** Parses the CLI's JSON; relative paths are resolved against `cwd`. Throws with a short message if it is not that JSON. */
export function parseCheckOutput(stdout: string, cwd: string): CheckOutput {
    let data: unknown;
    try {
        data = JSON.parse(stdout);
    } catch {
        throw new Error(`gxlint did not print JSON: ${stdout.trim().slice(0, 200) || '(nothing)'}`);
    }
    const obj = data as { files?: unknown; summary?: unknown };
    if (!obj || typeof obj !== 'object' || !Array.isArray(obj.files)) {
        throw new Error('gxlint printed JSON without a "files" list');
    }
    const files: JsonFile[] = [];
    for (const f of obj.files as { path?: unknown; diagnostics?: unknown }[]) {
        if (!f || typeof f.path !== 'string') {
            continue;
        }
        const diagnostics = Array.isArray(f.diagnostics) ? (f.diagnostics as JsonDiagnostic[]).filter(isDiagnostic) : [];
        files.push({ path: path.resolve(cwd, f.path), diagnostics });
    }
    const summary = obj.summary && typeof obj.summary === 'object' ? (obj.summary as Record<string, number>) : {};
    return { files, summary };
}

export function isPosition(p: unknown): p is JsonPosition {
    const q = p as JsonPosition;
    return !!q && typeof q.line === 'number' && typeof q.column === 'number';
}

function isDiagnostic(d: unknown): d is JsonDiagnostic {
    const q = d as JsonDiagnostic;
    return !!q && typeof q.code === 'string' && typeof q.message === 'string' && isPosition(q.start) && isPosition(q.end);
}

/** A 0-based line and UTF-16 character, as VS Code counts them. */
export interface EditorPosition {
    line: number;
    character: number;
}

/**
 * Maps the CLI's positions (code points) to VS Code's (UTF-16 units) using the file's text: the
 * 1-based line stays, the code-point column is re-counted in UTF-16 on that line. Without the text
 * (unreadable, not UTF-8) the column is taken as is — identical for everything in the BMP.
 */
export class PositionMapper {
    private readonly lines: string[] | undefined;

    constructor(text: string | undefined) {
        this.lines = text === undefined ? undefined : text.split(/\r\n|\r|\n/);
    }

    map(p: JsonPosition): EditorPosition {
        const line = Math.max(0, p.line - 1);
        const col = Math.max(0, p.column - 1);
        const source = this.lines?.[line];
        if (source === undefined) {
            return { line, character: col };
        }
        let units = 0;
        let points = 0;
        for (const ch of source) {
            if (points >= col) {
                break;
            }
            units += ch.length;
            points += 1;
        }
        return { line, character: units + Math.max(0, col - points) };
    }
}
