/**
 * Settings: what the user configured (`gxlint.*`) and what the server is told.
 *
 * The server receives exactly the object built by {@link getServerSettings}, both as the
 * `initializationOptions` of `initialize` and as the answer to `workspace/configuration` for the
 * section "gxlint" (see README.md, "What the server receives").
 */
import * as os from 'os';
import * as vscode from 'vscode';

export const SECTION = 'gxlint';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];
export type RunMode = 'onType' | 'onSave';
export type Lang = 'zh' | 'en';

/** What the language server receives; these names are the contract with gxlint/lsp. */
export interface ServerSettings {
    select: string[];
    ignore: string[];
    severity: Record<string, SeverityName>;
    lang: Lang;
    template: string | null;
    year: number | null;
    lintAllDocuments: boolean;
    run: RunMode;
    debounceMs: number;
    /** GX7: check a report against the workspace's other reports of the same organ. */
    crossReport: boolean;
    /** Also publish the findings of the workspace's reports that are not open. */
    publishClosedFiles: boolean;
    /** Log each check's change → diagnostics latency in the gxlint output. */
    logTiming: boolean;
}

/** What only the extension uses: whether to run and how to find the server. */
export interface ExtensionSettings {
    enable: boolean;
    path: string;
    interpreter: string;
}

export const DEFAULT_DEBOUNCE_MS = 75;

/** Codes, prefixes or names: a list, or a comma-separated string; trimmed, empty and repeated ones dropped. */
export function toCodeList(value: unknown): string[] {
    let items: unknown[];
    if (typeof value === 'string') {
        items = value.split(',');
    } else if (Array.isArray(value)) {
        items = value.flatMap((v) => (typeof v === 'string' ? v.split(',') : []));
    } else {
        return [];
    }
    const out: string[] = [];
    for (const item of items) {
        const s = String(item).trim();
        if (s && !out.includes(s)) {
            out.push(s);
        }
    }
    return out;
}

const SEVERITY_ALIASES: Record<string, SeverityName> = {
    error: 'error',
    warning: 'warning',
    warn: 'warning',
    information: 'information',
    info: 'information',
    hint: 'hint',
};

/**
 * `{"GX301": "warning", "GX6": "hint"}`: keys trimmed, values normalised ("warn" → "warning",
 * "info" → "information"). Entries that are not understood are left out and listed in `problems`.
 */
export function toSeverityMap(value: unknown): { severity: Record<string, SeverityName>; problems: string[] } {
    const severity: Record<string, SeverityName> = {};
    const problems: string[] = [];
    if (value === null || value === undefined) {
        return { severity, problems };
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`gxlint.severity must be an object of code → ${SEVERITIES.join('|')}`);
        return { severity, problems };
    }
    for (const [rawKey, rawLevel] of Object.entries(value as Record<string, unknown>)) {
        const key = rawKey.trim();
        const level = typeof rawLevel === 'string' ? SEVERITY_ALIASES[rawLevel.trim().toLowerCase()] : undefined;
        if (!key || !level) {
            problems.push(`gxlint.severity: ignoring ${JSON.stringify(rawKey)}: ${JSON.stringify(rawLevel)}`);
            continue;
        }
        severity[key] = level;
    }
    return { severity, problems };
}

/** "zh"/"en" as set; "auto" (or anything else) is the reports' language, Chinese, whatever VS Code's
 * display language (the extension's own UI follows the display language through package.nls and l10n). */
export function resolveLang(setting: unknown, _displayLanguage: string): Lang {
    if (setting === 'zh' || setting === 'en') {
        return setting;
    }
    return 'zh';
}

function toTemplate(value: unknown): string | null {
    return value === 'v2019' || value === 'v2021' ? value : null;
}

function toYear(value: unknown): number | null {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isInteger(n) && n >= 2008 && n <= 2100 ? n : null;
}

/** A boolean setting: `true`/`false` as set (or as the text "true"/"false"), else the default. */
function toBool(value: unknown, fallback: boolean): boolean {
    if (typeof value === 'boolean') {
        return value;
    }
    if (typeof value === 'string') {
        const s = value.trim().toLowerCase();
        if (s === 'true') {
            return true;
        }
        if (s === 'false') {
            return false;
        }
    }
    return fallback;
}

function toDebounce(value: unknown): number {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? Math.min(Math.round(value), 5000)
        : DEFAULT_DEBOUNCE_MS;
}

/** Builds the server's settings from raw setting values (pure; unit-tested). */
export function buildServerSettings(
    get: (key: string) => unknown,
    displayLanguage: string,
): { settings: ServerSettings; problems: string[] } {
    const { severity, problems } = toSeverityMap(get('severity'));
    return {
        settings: {
            select: toCodeList(get('select')),
            ignore: toCodeList(get('ignore')),
            severity,
            lang: resolveLang(get('lang'), displayLanguage),
            template: toTemplate(get('template')),
            year: toYear(get('year')),
            lintAllDocuments: toBool(get('lintAllDocuments'), false),
            run: get('run') === 'onSave' ? 'onSave' : 'onType',
            debounceMs: toDebounce(get('debounceMs')),
            crossReport: toBool(get('crossReport'), true),
            publishClosedFiles: toBool(get('publishClosedFiles'), false),
            logTiming: toBool(get('logTiming'), false),
        },
        problems,
    };
}

export type Scope = vscode.Uri | vscode.WorkspaceFolder | undefined;

/** The settings for the server, for a document or folder (or the window when `scope` is undefined). */
export function getServerSettings(scope?: Scope): ServerSettings {
    const config = vscode.workspace.getConfiguration(SECTION, scope);
    return buildServerSettings((key) => config.get(key), vscode.env.language).settings;
}

/** Settings problems worth a line in the output channel. */
export function getSettingsProblems(scope?: Scope): string[] {
    const config = vscode.workspace.getConfiguration(SECTION, scope);
    return buildServerSettings((key) => config.get(key), vscode.env.language).problems;
}

export interface VariableContext {
    workspaceFolder?: string;
    userHome: string;
    env: Record<string, string | undefined>;
}

/** `${workspaceFolder}`, `${userHome}`, `${env:NAME}` and a leading `~` in a path setting. */
export function substituteVariables(value: string, ctx: VariableContext): string {
    let out = value.trim();
    if (out === '~' || out.startsWith('~/') || out.startsWith('~\\')) {
        out = ctx.userHome + out.slice(1);
    }
    out = out.replace(/\$\{userHome\}/g, ctx.userHome);
    if (ctx.workspaceFolder !== undefined) {
        out = out.replace(/\$\{workspaceFolder\}/g, ctx.workspaceFolder);
    }
    out = out.replace(/\$\{env:([^}]+)\}/g, (_m, name: string) => ctx.env[name] ?? '');
    return out;
}

/** The folder that gives `${workspaceFolder}` its value: the scope's, else the first one. */
export function workspaceFolderFor(scope?: Scope): vscode.WorkspaceFolder | undefined {
    if (scope && 'uri' in scope && 'index' in scope) {
        return scope;
    }
    if (scope) {
        const folder = vscode.workspace.getWorkspaceFolder(scope);
        if (folder) {
            return folder;
        }
    }
    return vscode.workspace.workspaceFolders?.[0];
}

export function getExtensionSettings(scope?: Scope): ExtensionSettings {
    const config = vscode.workspace.getConfiguration(SECTION, scope);
    const ctx: VariableContext = {
        workspaceFolder: workspaceFolderFor(scope)?.uri.fsPath,
        userHome: os.homedir(),
        env: process.env,
    };
    const str = (key: string): string => {
        const v = config.get<unknown>(key);
        return typeof v === 'string' ? substituteVariables(v, ctx) : '';
    };
    return {
        enable: config.get<boolean>('enable') !== false,
        path: str('path'),
        interpreter: str('interpreter'),
    };
}

/** The settings whose change needs a new server process (the rest is sent to the running one). */
export const RESTART_KEYS = ['enable', 'path', 'interpreter'] as const;

/** The report language (reportLanguage.ts), plain text and Markdown, saved or not, and saved web
 * pages (a report published as HTML; the server reads the page's text and reports in the HTML
 * source): the server decides whether a document is a report. */
export const DOCUMENT_SELECTOR = [
    { scheme: 'file', language: 'gxreport' },
    { scheme: 'untitled', language: 'gxreport' },
    { scheme: 'file', language: 'plaintext' },
    { scheme: 'untitled', language: 'plaintext' },
    { scheme: 'file', language: 'markdown' },
    { scheme: 'untitled', language: 'markdown' },
    { scheme: 'file', language: 'html' },
];

export const LANGUAGES = new Set(['gxreport', 'plaintext', 'markdown', 'html']);

/** The answer to `workspace/configuration`: our section gets {@link getServerSettings}, others what VS Code says. */
export function answerConfiguration(
    items: { section?: string; scopeUri?: string }[],
    fromVscode: unknown[],
): unknown[] {
    return items.map((item, i) => {
        const section = item.section ?? '';
        if (section !== SECTION && !section.startsWith(`${SECTION}.`)) {
            return fromVscode[i] ?? null;
        }
        const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
        const settings = getServerSettings(scope);
        if (section === SECTION) {
            return settings;
        }
        // "gxlint.lang" and the like: one key of the same object
        const key = section.slice(SECTION.length + 1) as keyof ServerSettings;
        return key in settings ? settings[key] : null;
    });
}
