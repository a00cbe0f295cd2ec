/**
 * gxlint's MCP server (`gxlint mcp`, see docs/en/assistants.md) for VS Code's agent mode, when the
 * user turns on `gxlint.mcp.enable` (off by default): the extension contributes an MCP server
 * definition provider (`mcpServerDefinitionProviders` in package.json) and gives VS Code the same
 * gxlint the language server runs, with the workspace folders as the only folders it may read.
 *
 * The API (`vscode.lm.registerMcpServerDefinitionProvider`, `vscode.McpStdioServerDefinition`)
 * came with VS Code 1.101; the extension supports 1.91 and later, so it is looked up at run time
 * and declared here (the @types/vscode the extension builds against predate it). On an older VS
 * Code the setting only logs that it needs 1.101 and that `.vscode/mcp.json` does the same.
 */
import * as vscode from 'vscode';
import type { Log } from './launch';
import { type GxlintCommand, NEUTRAL_CWD } from './serverCommand';
import { SECTION } from './settings';

export const MCP_PROVIDER_ID = 'gxlint.mcp';
export const MCP_SETTING = 'mcp.enable';

/** What VS Code starts: `<gxlint> mcp --root <folder>…` (and `--lang en` when gxlint.lang says so). */
export interface McpServerSpec {
    label: string;
    command: string;
    args: string[];
    cwd: string;
    env: Record<string, string>;
    version: string;
}

export function mcpServerSpec(gxlint: GxlintCommand, folders: readonly string[], lang: unknown): McpServerSpec {
    const args = [...gxlint.args, 'mcp'];
    for (const f of folders) {
        args.push('--root', f);
    }
    if (lang === 'en') {
        args.push('--lang', 'en');
    }
    return {
        label: 'gxlint',
        command: gxlint.command,
        args,
        // never the workspace (see launch.ts serverCwd); UTF-8 on stdio, no working folder on sys.path
        cwd: NEUTRAL_CWD,
        env: { PYTHONUTF8: '1', PYTHONIOENCODING: 'utf-8', PYTHONSAFEPATH: '1' },
        // "gxlint 0.1.0" → "0.1.0": VS Code refreshes the tools when it changes
        version: gxlint.version.replace(/^gxlint\s+/, ''),
    };
}

// --- the VS Code 1.101 API, declared (see the module's docstring) -------------------------------

interface McpStdioServerDefinitionCtor {
    new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string): {
        cwd?: vscode.Uri;
    };
}

interface McpServerDefinitionProvider {
    readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
    provideMcpServerDefinitions(token: vscode.CancellationToken): Promise<unknown[]>;
}

interface LmWithMcp {
    registerMcpServerDefinitionProvider(id: string, provider: McpServerDefinitionProvider): vscode.Disposable;
}

function mcpApi(): { lm: LmWithMcp; Definition: McpStdioServerDefinitionCtor } | undefined {
    const api = vscode as unknown as { lm?: Partial<LmWithMcp>; McpStdioServerDefinition?: McpStdioServerDefinitionCtor };
    if (typeof api.lm?.registerMcpServerDefinitionProvider !== 'function' || typeof api.McpStdioServerDefinition !== 'function') {
        return undefined;
    }
    return { lm: api.lm as LmWithMcp, Definition: api.McpStdioServerDefinition };
}

export function mcpEnabled(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>(MCP_SETTING, false) === true;
}

/**
 * Registers the provider (on VS Code 1.101 and later). It answers no server unless
 * `gxlint.mcp.enable` is on and the workspace is trusted; the definition changes with the
 * setting, gxlint's path or interpreter, the language, the workspace folders and trust.
 */
export function registerMcpServer(log: Log, findCommand: () => Promise<GxlintCommand | undefined>): vscode.Disposable[] {
    const api = mcpApi();
    if (!api) {
        if (mcpEnabled()) {
            log.warn(`${SECTION}.${MCP_SETTING}: this VS Code has no API for an extension's MCP servers (it came with VS Code 1.101); ` +
                'add gxlint to .vscode/mcp.json instead (docs/en/assistants.md)');
        }
        return [];
    }
    const changed = new vscode.EventEmitter<void>();
    const provider: McpServerDefinitionProvider = {
        onDidChangeMcpServerDefinitions: changed.event,
        provideMcpServerDefinitions: async () => {
            if (!mcpEnabled()) {
                return [];
            }
            if (!vscode.workspace.isTrusted) {
                log.info(`${SECTION}.${MCP_SETTING}: the MCP server is offered in trusted workspaces only`);
                return [];
            }
            const gxlint = await findCommand();
            if (!gxlint) {
                log.warn(`${SECTION}.${MCP_SETTING}: gxlint was not found, no MCP server to offer`);
                return [];
            }
            const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
            const spec = mcpServerSpec(gxlint, folders, vscode.workspace.getConfiguration(SECTION).get('lang'));
            const def = new api.Definition(spec.label, spec.command, spec.args, spec.env, spec.version);
            def.cwd = vscode.Uri.file(spec.cwd);
            log.info(`MCP server for agent mode: ${spec.command} ${spec.args.join(' ')}`);
            return [def];
        },
    };
    let registration: vscode.Disposable;
    try {
        registration = api.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider);
    } catch (err) {
        // VS Code 1.100 has the function but refuses a provider declared the 1.101 way
        // ("must be registered in contributes.modelContextServerCollections"): the language server
        // must start all the same, so the MCP offer is dropped with a line in the log
        changed.dispose();
        const say = mcpEnabled() ? log.warn.bind(log) : log.info.bind(log);
        say(`${SECTION}.${MCP_SETTING}: this VS Code did not take gxlint's MCP server (${err instanceof Error ? err.message : String(err)}); ` +
            'add gxlint to .vscode/mcp.json instead (docs/en/assistants.md)');
        return [];
    }
    const keys = [MCP_SETTING, 'path', 'interpreter', 'lang'].map((k) => `${SECTION}.${k}`);
    return [
        changed,
        registration,
        vscode.workspace.onDidChangeConfiguration((e) => {
            if (keys.some((k) => e.affectsConfiguration(k))) {
                changed.fire();
            }
        }),
        vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
        vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    ];
}
