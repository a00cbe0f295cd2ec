/**
 * A stand-in for the `vscode` module (VS Code cannot run here): just the API the extension's
 * settings, server-command and diagnostics code touches. Configuration defaults come from this
 * extension's package.json, so the tests also check that the manifest and the code agree.
 * Tests change the state through `stub` (exported as `__stub`).
 */
import * as fs from 'fs';
import * as path from 'path';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};

export const manifestDefaults: Record<string, unknown> = Object.fromEntries(
    Object.entries(manifest.contributes.configuration.properties).map(([k, v]) => [k, v.default]),
);

export class Uri {
    private constructor(
        readonly scheme: string,
        readonly fsPath: string,
        private readonly raw: string,
    ) {}
    static file(p: string): Uri {
        const abs = path.resolve(p);
        return new Uri('file', abs, 'file://' + abs.split(path.sep).map(encodeURIComponent).join('/'));
    }
    static parse(s: string): Uri {
        if (s.startsWith('file://')) {
            return new Uri('file', decodeURIComponent(s.slice('file://'.length)), s);
        }
        return new Uri(s.split(':')[0] ?? '', '', s);
    }
    get path(): string {
        return this.fsPath;
    }
    toString(): string {
        return this.raw;
    }
}

interface Folder {
    uri: Uri;
    name: string;
    index: number;
}

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
    private listeners: Listener<T>[] = [];
    readonly event = (listener: Listener<T>): { dispose(): void } => {
        this.listeners.push(listener);
        return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
    };
    fire(e: T): void {
        this.listeners.forEach((l) => l(e));
    }
    dispose(): void {
        this.listeners = [];
    }
}

/** VS Code 1.101's MCP server definition (present when `stub.mcpApi` is on). */
export class McpStdioServerDefinition {
    cwd?: Uri;
    constructor(
        readonly label: string,
        public command: string,
        public args: string[] = [],
        public env: Record<string, string | number | null> = {},
        public version?: string,
    ) {}
}

/** Mutable state the tests set. `scoped` holds per-folder overrides, keyed by folder path. */
export const stub = {
    config: {} as Record<string, unknown>,
    scoped: {} as Record<string, Record<string, unknown>>,
    language: 'en',
    trusted: true,
    folders: undefined as Folder[] | undefined,
    /** VS Code 1.101's `lm.registerMcpServerDefinitionProvider` and `McpStdioServerDefinition` exist */
    mcpApi: false,
    /** VS Code 1.100: the function exists but throws (it wants `contributes.modelContextServerCollections`) */
    mcpRefuses: false,
    /** what `lm.registerMcpServerDefinitionProvider` was given */
    mcpProviders: [] as { id: string; provider: unknown }[],
    /** the workspace events' emitters, for the tests to fire */
    events: {
        configuration: new EventEmitter<{ affectsConfiguration(key: string): boolean }>(),
        folders: new EventEmitter<void>(),
        trust: new EventEmitter<void>(),
    },
    reset(): void {
        this.mcpApi = false;
        this.mcpRefuses = false;
        this.mcpProviders = [];
        for (const e of Object.values(this.events)) {
            e.dispose();
        }
        this.config = {};
        this.scoped = {};
        this.language = 'en';
        this.trusted = true;
        this.folders = undefined;
    },
    folder(p: string, index = 0): Folder {
        return { uri: Uri.file(p), name: path.basename(p), index };
    },
};

function folderOf(uri: Uri): Folder | undefined {
    return stub.folders?.find((f) => uri.fsPath === f.uri.fsPath || uri.fsPath.startsWith(f.uri.fsPath + path.sep));
}

export const workspace = {
    get isTrusted(): boolean {
        return stub.trusted;
    },
    get workspaceFolders(): Folder[] | undefined {
        return stub.folders;
    },
    getWorkspaceFolder(uri: Uri): Folder | undefined {
        return folderOf(uri);
    },
    onDidChangeConfiguration: (l: Listener<{ affectsConfiguration(key: string): boolean }>) => stub.events.configuration.event(l),
    onDidChangeWorkspaceFolders: (l: Listener<void>) => stub.events.folders.event(l),
    onDidGrantWorkspaceTrust: (l: Listener<void>) => stub.events.trust.event(l),
    getConfiguration(section: string, scope?: Uri | Folder) {
        const folder = scope instanceof Uri ? folderOf(scope) : scope;
        const overrides = folder ? (stub.scoped[folder.uri.fsPath] ?? {}) : {};
        return {
            get<T>(key: string, defaultValue?: T): T | undefined {
                const full = `${section}.${key}`;
                for (const source of [overrides, stub.config, manifestDefaults]) {
                    if (full in source) {
                        return source[full] as T;
                    }
                }
                return defaultValue;
            },
        };
    },
};

/** `lm` of VS Code 1.101 and later (with `stub.mcpApi`), or of an older VS Code (without). */
export const lm = {
    get registerMcpServerDefinitionProvider(): ((id: string, provider: unknown) => { dispose(): void }) | undefined {
        if (!stub.mcpApi) {
            return undefined;
        }
        return (id: string, provider: unknown) => {
            if (stub.mcpRefuses) {
                throw new Error(`MCP configuration providers must be registered in the contributes.modelContextServerCollections array within your package.json, but "${id}" was not`);
            }
            stub.mcpProviders.push({ id, provider });
            return { dispose: () => (stub.mcpProviders = stub.mcpProviders.filter((p) => p.provider !== provider)) };
        };
    },
};

export const env = {
    get language(): string {
        return stub.language;
    },
};

export const extensions = {
    getExtension(): undefined {
        return undefined;
    },
};

export const l10n = {
    t(message: string, ...args: unknown[]): string {
        return message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
    },
};

export enum DiagnosticSeverity {
    Error = 0,
    Warning = 1,
    Information = 2,
    Hint = 3,
}

export class Position {
    constructor(
        readonly line: number,
        readonly character: number,
    ) {}
}

export class Range {
    readonly start: Position;
    readonly end: Position;
    constructor(sl: number, sc: number, el: number, ec: number) {
        this.start = new Position(sl, sc);
        this.end = new Position(el, ec);
    }
}

export class Location {
    constructor(
        readonly uri: Uri,
        readonly range: Range,
    ) {}
}

export class DiagnosticRelatedInformation {
    constructor(
        readonly location: Location,
        readonly message: string,
    ) {}
}

export class Diagnostic {
    source?: string;
    code?: string | number | { value: string | number; target: Uri };
    relatedInformation?: DiagnosticRelatedInformation[];
    constructor(
        readonly range: Range,
        readonly message: string,
        readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
    ) {}
}

export const __stub = stub;
