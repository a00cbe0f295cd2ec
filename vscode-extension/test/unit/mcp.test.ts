/** gxlint.mcp.enable: the MCP server definition VS Code's agent mode gets (VS Code 1.101's API, stubbed). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeEach, test } from 'node:test';
import { MCP_PROVIDER_ID, mcpServerSpec, registerMcpServer } from '../../src/mcp';
import { type GxlintCommand, NEUTRAL_CWD } from '../../src/serverCommand';
import { __stub as stub, McpStdioServerDefinition } from '../support/vscode-stub';

const py: GxlintCommand = { command: '/venv/bin/python', args: ['-m', 'gxlint'], source: 'gxlint.interpreter', version: 'gxlint 0.1.0' };
const exe: GxlintCommand = { command: '/opt/bin/gxlint', args: [], source: 'gxlint.path', version: 'gxlint 0.1.0' };
const root = path.join(os.tmpdir(), 'gxlint-mcp-test', 'reports');
const other = path.join(os.tmpdir(), 'gxlint-mcp-test', 'archive');

interface Provider {
    onDidChangeMcpServerDefinitions: (l: () => void) => { dispose(): void };
    provideMcpServerDefinitions(token: unknown): Promise<McpStdioServerDefinition[]>;
}

function logger(): { lines: string[]; info(m: string): void; warn(m: string): void; error(m: string): void } {
    const lines: string[] = [];
    return {
        lines,
        info: (m) => lines.push(`info ${m}`),
        warn: (m) => lines.push(`warn ${m}`),
        error: (m) => lines.push(`error ${m}`),
    };
}

function provider(): Provider {
    assert.equal(stub.mcpProviders.length, 1);
    assert.equal(stub.mcpProviders[0]?.id, MCP_PROVIDER_ID);
    return stub.mcpProviders[0]?.provider as Provider;
}

beforeEach(() => {
    stub.reset();
    stub.folders = [stub.folder(root), stub.folder(other, 1)];
});

test('the command line: `<gxlint> mcp --root <each folder>`, outside the workspace, UTF-8, no working folder on sys.path', () => {
    const s = mcpServerSpec(py, [root, other], 'auto');
    assert.equal(s.command, '/venv/bin/python');
    assert.deepEqual(s.args, ['-m', 'gxlint', 'mcp', '--root', root, '--root', other]);
    assert.equal(s.cwd, NEUTRAL_CWD);
    assert.deepEqual(s.env, { PYTHONUTF8: '1', PYTHONIOENCODING: 'utf-8', PYTHONSAFEPATH: '1' });
    assert.equal(s.version, '0.1.0');
    assert.deepEqual(mcpServerSpec(exe, [], 'en').args, ['mcp', '--lang', 'en']);
    assert.deepEqual(mcpServerSpec(exe, [root], 'zh').args, ['mcp', '--root', root]);
});

test('the id registered is the one package.json contributes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
        contributes: { mcpServerDefinitionProviders: { id: string }[] };
        activationEvents: string[];
    };
    assert.deepEqual(manifest.contributes.mcpServerDefinitionProviders.map((p) => p.id), [MCP_PROVIDER_ID]);
    assert.ok(manifest.activationEvents.includes(`onMcpCollection:${MCP_PROVIDER_ID}`));
});

test('off by default: the provider is registered but offers no server, and finds no gxlint', async () => {
    stub.mcpApi = true;
    let asked = 0;
    registerMcpServer(logger(), () => {
        asked++;
        return Promise.resolve(py);
    });
    assert.deepEqual(await provider().provideMcpServerDefinitions({}), []);
    assert.equal(asked, 0);
});

test('on: one stdio server, the gxlint the language server uses, the workspace folders as its roots', async () => {
    stub.mcpApi = true;
    stub.config['gxlint.mcp.enable'] = true;
    stub.config['gxlint.lang'] = 'en';
    const log = logger();
    registerMcpServer(log, () => Promise.resolve(exe));
    const defs = await provider().provideMcpServerDefinitions({});
    assert.equal(defs.length, 1);
    const d = defs[0];
    assert.ok(d instanceof McpStdioServerDefinition);
    assert.equal(d.label, 'gxlint');
    assert.equal(d.command, '/opt/bin/gxlint');
    assert.deepEqual(d.args, ['mcp', '--root', root, '--root', other, '--lang', 'en']);
    assert.equal(d.cwd?.fsPath, NEUTRAL_CWD);
    assert.equal(d.version, '0.1.0');
    assert.ok(log.lines.some((l) => l.startsWith('info MCP server for agent mode: /opt/bin/gxlint mcp')));
});

test('an untrusted workspace, or no gxlint: no server, and the log says why', async () => {
    stub.mcpApi = true;
    stub.config['gxlint.mcp.enable'] = true;
    stub.trusted = false;
    const log = logger();
    let found: GxlintCommand | undefined = py;
    registerMcpServer(log, () => Promise.resolve(found));
    assert.deepEqual(await provider().provideMcpServerDefinitions({}), []);
    assert.ok(log.lines.some((l) => l.includes('trusted workspaces only')));
    stub.trusted = true;
    found = undefined;
    assert.deepEqual(await provider().provideMcpServerDefinitions({}), []);
    assert.ok(log.lines.some((l) => l.startsWith('warn') && l.includes('gxlint was not found')));
});

test('VS Code is told to ask again when the setting, gxlint, the language, the folders or trust change', () => {
    stub.mcpApi = true;
    registerMcpServer(logger(), () => Promise.resolve(py));
    let fired = 0;
    provider().onDidChangeMcpServerDefinitions(() => fired++);
    const change = (key: string) => stub.events.configuration.fire({ affectsConfiguration: (k: string) => k === key || key.startsWith(`${k}.`) });
    for (const key of ['gxlint.mcp.enable', 'gxlint.path', 'gxlint.interpreter', 'gxlint.lang']) {
        change(key);
    }
    assert.equal(fired, 4);
    change('gxlint.select');
    change('editor.fontSize');
    assert.equal(fired, 4);
    stub.events.folders.fire();
    stub.events.trust.fire();
    assert.equal(fired, 6);
});

test('a VS Code older than 1.101: nothing registered; turned on, the log says what to do instead', () => {
    const log = logger();
    assert.deepEqual(registerMcpServer(log, () => Promise.resolve(py)), []);
    assert.equal(log.lines.length, 0);
    stub.config['gxlint.mcp.enable'] = true;
    assert.deepEqual(registerMcpServer(log, () => Promise.resolve(py)), []);
    assert.equal(stub.mcpProviders.length, 0);
    assert.ok(log.lines.some((l) => l.startsWith('warn') && l.includes('1.101') && l.includes('.vscode/mcp.json')));
});

test('VS Code 1.100 refuses the provider: activation goes on (the language server must start), the log says why', () => {
    stub.mcpApi = true;
    stub.mcpRefuses = true;
    const log = logger();
    assert.deepEqual(registerMcpServer(log, () => Promise.resolve(py)), []);
    assert.equal(stub.mcpProviders.length, 0);
    assert.ok(log.lines.some((l) => l.startsWith('info') && l.includes('modelContextServerCollections') && l.includes('.vscode/mcp.json')));
    stub.config['gxlint.mcp.enable'] = true;
    const turnedOn = logger();
    assert.deepEqual(registerMcpServer(turnedOn, () => Promise.resolve(py)), []);
    assert.ok(turnedOn.lines.some((l) => l.startsWith('warn')));
});
