/**
 * The real server, started the way the extension starts it: `findGxlint` and `serverLaunch` (the
 * extension's own code, with the `vscode` stub standing in for the editor), then LSP over stdio
 * through vscode-languageserver-protocol — the library VS Code's client is built on — with the
 * client capabilities that matter here (pull diagnostics, workspace/configuration, UTF-16).
 *
 * Skips, saying why, when no gxlint can be found; a server that is found but does not start (it
 * exits, or does not answer initialize) fails every test of it.
 */
import * as assert from 'node:assert/strict';
import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
    type CodeAction,
    CodeActionKind,
    CodeActionRequest,
    ConfigurationRequest,
    HoverRequest,
    createProtocolConnection,
    type Diagnostic,
    DidChangeConfigurationNotification,
    DidOpenTextDocumentNotification,
    DocumentDiagnosticRequest,
    type DocumentDiagnosticReport,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    type InitializeResult,
    type ProtocolConnection,
    PublishDiagnosticsNotification,
    type PublishDiagnosticsParams,
    RegistrationRequest,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type * as vscode from 'vscode';
import { checkLaunch, findGxlint, type Log, serverLaunch } from '../../src/launch';
import { answerConfiguration } from '../../src/settings';
import { parseCheckOutput } from '../../src/checkOutput';
import { getServerSettings } from '../../src/settings';
import { registerMcpServer } from '../../src/mcp';
import { __stub as stub, type McpStdioServerDefinition } from '../support/vscode-stub';
import { execFileSync } from 'node:child_process';

const TIMEOUT_MS = 60_000;

/** The repository root: the nearest ancestor with pyproject.toml and the seed fixtures. */
function repoRoot(): string {
    let dir = __dirname;
    for (;;) {
        if (fs.existsSync(path.join(dir, 'pyproject.toml')) && fs.existsSync(path.join(dir, 'tests', 'fixtures', 'seeds'))) {
            return dir;
        }
        const up = path.dirname(dir);
        if (up === dir) {
            throw new Error(`no repository root above ${__dirname}`);
        }
        dir = up;
    }
}

const root = repoRoot();
const seedDir = path.join(root, 'tests', 'fixtures', 'seeds');
const seed001 = fs.readdirSync(seedDir).find((f) => /^001_.*\.txt$/.test(f));

interface Expectation {
    codes: string[];
    from?: number;
    to?: number;
}
const expected = (
    JSON.parse(fs.readFileSync(path.join(seedDir, 'expected.json'), 'utf8')) as {
        files: Record<string, { must: Expectation[]; must_not: Expectation[] }>;
    }
).files;

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
function text(m: Diagnostic['message']): string {
    return typeof m === 'string' ? m : m.value;
}

/** Whether a diagnostic matches a seed expectation (codes are codes or prefixes; lines 1-based, inclusive). */
function matches(d: Diagnostic, e: Expectation): boolean {
    const code = String(d.code ?? '');
    const line = d.range.start.line + 1;
    return (
        e.codes.some((c) => code.startsWith(c)) &&
        (e.from === undefined || line >= e.from) &&
        (e.to === undefined || line <= e.to)
    );
}

const logLines: string[] = [];
const log: Log = {
    info: (m) => logLines.push(`info  ${m}`),
    warn: (m) => logLines.push(`warn  ${m}`),
    error: (m) => logLines.push(`error ${m}`),
};

function withTimeout<T>(p: Promise<T>, what: string, ms = TIMEOUT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
        p.finally(() => clearTimeout(timer)),
        new Promise<T>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
        }),
    ]);
}

interface Server {
    child: ChildProcess;
    connection: ProtocolConnection;
    init: InitializeResult;
    stderr: string[];
    published: PublishDiagnosticsParams[];
    onPublish: (() => void)[];
    /** workspace/diagnostic/refresh requests received (the server asks the client to pull again). */
    refreshes: number;
    onRefresh: (() => void)[];
}

let server: Server | undefined;
let skipReason: string | undefined;
let startError: Error | undefined;

/** No server: the test is skipped when no gxlint was found, and fails when one was found but did not start. */
function notRunning(t: { skip: (message?: string) => void }): void {
    if (startError) {
        throw startError;
    }
    t.skip(skipReason);
}

async function startServer(): Promise<Server> {
    stub.reset();
    stub.language = 'zh-cn'; // VS Code in Chinese
    stub.folders = [stub.folder(root)];
    const resolution = await findGxlint(log);
    if (!resolution.command) {
        throw new SkipError(`gxlint was not found (${logLines.join(' / ')})`);
    }
    const launch = serverLaunch(resolution.command);
    const child = spawn(launch.command, launch.args, { cwd: launch.options.cwd, env: launch.options.env, stdio: 'pipe' });
    const stderr: string[] = [];
    child.stderr?.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
    const spawned = new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
    });
    await spawned;
    try {
        return await initialized(child, launch, stderr);
    } catch (err) {
        child.kill(); // it did not start as it should: it does not outlive the test
        throw err;
    }
}

async function initialized(child: ChildProcessWithoutNullStreams, launch: ReturnType<typeof serverLaunch>, stderr: string[]): Promise<Server> {
    const exited = new Promise<never>((_, reject) =>
        child.once('exit', (code) => reject(new Error(`the server exited (code ${code}): ${stderr.join('').trim().split('\n').slice(-3).join(' | ')}`))),
    );
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const s: Server = { child, connection, init: { capabilities: {} }, stderr, published: [], onPublish: [], refreshes: 0, onRefresh: [] };
    connection.onRequest(ConfigurationRequest.type, (params) => answerConfiguration(params.items, []));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest('workspace/diagnostic/refresh', () => {
        s.refreshes += 1;
        s.onRefresh.splice(0).forEach((f) => f());
        return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
        s.published.push(p);
        s.onPublish.splice(0).forEach((f) => f());
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('window/showMessage', () => undefined);
    connection.listen();
    s.init = await withTimeout(
        Promise.race([
            connection.sendRequest(InitializeRequest.type, {
                processId: process.pid,
                clientInfo: { name: 'gxlint-extension-integration-test' },
                rootUri: pathToFileURL(root).href,
                workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
                initializationOptions: launch.initializationOptions,
                capabilities: {
                    general: { positionEncodings: ['utf-16'] },
                    workspace: {
                        configuration: true,
                        didChangeConfiguration: { dynamicRegistration: true },
                        workspaceFolders: true,
                        diagnostics: { refreshSupport: true },
                    },
                    textDocument: {
                        synchronization: { didSave: true, dynamicRegistration: true },
                        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, versionSupport: true },
                        diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
                        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
                        hover: { contentFormat: ['markdown', 'plaintext'] },
                    },
                },
            }),
            exited,
        ]),
        'initialize',
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return s;
}

class SkipError extends Error {}

/** English, apart from the quoted labels of the report (“（一）予以公开”). */
function isEnglish(message: string): boolean {
    const unquoted = message.replace(/“[^”]*”|"[^"]*"|（[^）]*）/g, '');
    return /[A-Za-z]{3,}/.test(unquoted) && !/[\u4e00-\u9fff]{3}/.test(unquoted);
}

/** The document's diagnostics, pulled (as VS Code does when the server offers it) or waited for. */
async function diagnosticsFor(s: Server, uri: string, accept: (d: Diagnostic[]) => boolean = (d) => d.length > 0): Promise<Diagnostic[]> {
    if (s.init.capabilities.diagnosticProvider) {
        const deadline = Date.now() + TIMEOUT_MS;
        for (;;) {
            const report = await withTimeout<DocumentDiagnosticReport>(
                s.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }),
                'textDocument/diagnostic',
            );
            const items = report.kind === 'full' ? report.items : [];
            if (accept(items) || Date.now() > deadline) {
                return items;
            }
            await new Promise((r) => setTimeout(r, 200));
        }
    }
    return withTimeout(
        new Promise<Diagnostic[]>((resolve) => {
            const check = (): void => {
                const last = [...s.published].reverse().find((p) => p.uri === uri);
                if (last && accept(last.diagnostics)) {
                    resolve(last.diagnostics);
                } else {
                    s.onPublish.push(check);
                }
            };
            check();
        }),
        'textDocument/publishDiagnostics',
    );
}

describe('the language server, launched as the extension launches it', () => {
    before(async () => {
        try {
            server = await startServer();
        } catch (err) {
            if (err instanceof SkipError) {
                skipReason = err.message;
            } else {
                startError = new Error(`the server could not be started: ${err instanceof Error ? err.message : String(err)}`);
            }
            server?.child.kill();
        }
    });

    after(async () => {
        if (!server) {
            return;
        }
        const { child, connection } = server;
        try {
            await withTimeout(connection.sendRequest(ShutdownRequest.type), 'shutdown', 10_000);
            await connection.sendNotification(ExitNotification.type);
        } catch {
            // killed below
        }
        connection.dispose();
        if (child.exitCode === null) {
            await withTimeout(new Promise((r) => child.once('exit', r)), 'exit', 5000).catch(() => child.kill());
        }
    });

    test('seed 001: GX301 on the 予以公开 row (line 103, 0-based 102) and the rest of expected.json, in Chinese', async (t) => {
        if (!server) {
            notRunning(t);
            return;
        }
        assert.ok(seed001, 'seed 001 is in tests/fixtures/seeds');
        const file = path.join(seedDir, seed001);
        const uri = pathToFileURL(file).href;
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'plaintext', version: 1, text: fs.readFileSync(file, 'utf8') },
        });
        const diags = await diagnosticsFor(server, uri, (d) => d.some((x) => x.code === 'GX301'));
        const seen = JSON.stringify(diags.map((d) => [d.code, d.range.start.line]));
        // the 予以公开 row, lines 96–103 (0-based 95–102): 商业企业 9 but 总计 0
        const gx301 = diags.filter((d) => d.code === 'GX301');
        assert.ok(
            gx301.some((d) => d.range.start.line >= 95 && d.range.start.line <= 102),
            `GX301 on the 予以公开 row (0-based lines 95–102) among ${seen}`,
        );
        // and everything else seeds/expected.json says about this report, both ways
        const seedExpectations = expected[seed001];
        assert.ok(seedExpectations, 'expected.json covers seed 001');
        for (const e of seedExpectations.must) {
            assert.ok(diags.some((d) => matches(d, e)), `must report ${JSON.stringify(e)}; got ${seen}`);
        }
        for (const e of seedExpectations.must_not) {
            const wrong = diags.filter((d) => matches(d, e));
            assert.equal(wrong.length, 0, `must not report ${JSON.stringify(e)}; got ${JSON.stringify(wrong.map((d) => [d.code, d.range.start.line + 1]))}`);
        }
        const first = gx301[0];
        assert.ok(first);
        assert.match(text(first.message), /[\u4e00-\u9fff]/, 'messages in Chinese when VS Code is in Chinese');
        assert.equal(first.severity, 1);
        assert.equal(first.source, 'gxlint');
    });

    test('quick fix and hover on seed 001 (GX205 “00” → 0, GX301 explained)', async (t) => {
        if (!server) {
            notRunning(t);
            return;
        }
        assert.ok(seed001);
        const uri = pathToFileURL(path.join(seedDir, seed001)).href;
        const diags = await diagnosticsFor(server, uri, (d) => d.some((x) => x.code === 'GX205'));
        const gx205 = diags.find((d) => d.code === 'GX205');
        assert.ok(gx205, 'GX205 on line 258');
        const actions = (await withTimeout(
            server.connection.sendRequest(CodeActionRequest.type, {
                textDocument: { uri },
                range: gx205.range,
                context: { diagnostics: [gx205], only: [CodeActionKind.QuickFix] },
            }),
            'textDocument/codeAction',
        )) ?? [];
        const fixes = actions.filter((a): a is CodeAction => 'edit' in a && !!a.edit);
        assert.ok(fixes.length > 0, `a quick fix for GX205: ${JSON.stringify(actions)}`);
        const edits = fixes.flatMap((a) => a.edit?.changes?.[uri] ?? []);
        assert.ok(
            edits.some((e) => e.newText === '0' && e.range.start.line === gx205.range.start.line),
            `the fix writes 0 on line 258: ${JSON.stringify(edits)}`,
        );

        const gx301 = diags.find((d) => d.code === 'GX301');
        assert.ok(gx301);
        const hover = await withTimeout(
            server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: gx301.range.start }),
            'textDocument/hover',
        );
        assert.ok(hover, 'a hover on the GX301 diagnostic');
        const contents = hover.contents;
        const md = typeof contents === 'string' ? contents : 'value' in contents ? contents.value : JSON.stringify(contents);
        assert.match(md, /GX301/);
    });

    test('a settings change reaches the running server (lang en, ignore GX2)', async (t) => {
        if (!server) {
            notRunning(t);
            return;
        }
        assert.ok(seed001);
        const uri = pathToFileURL(path.join(seedDir, seed001)).href;
        stub.config['gxlint.lang'] = 'en';
        stub.config['gxlint.ignore'] = ['GX2'];
        const s = server;
        const refreshed = new Promise<void>((resolve) => s.onRefresh.push(resolve));
        await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { gxlint: getServerSettings() } });
        if (server.init.capabilities.diagnosticProvider) {
            // as VS Code would: the server asks for a new pull once it has the new settings
            await withTimeout(refreshed, 'workspace/diagnostic/refresh after the settings change', 30_000);
        }
        const diags = await diagnosticsFor(
            server,
            uri,
            (d) => d.some((x) => x.code === 'GX301' && isEnglish(text(x.message))) && !d.some((x) => String(x.code).startsWith('GX2')),
        );
        assert.ok(!diags.some((d) => String(d.code).startsWith('GX2')), `GX2xx ignored: ${JSON.stringify(diags.map((d) => d.code))}`);
        const gx301 = diags.find((d) => d.code === 'GX301');
        assert.ok(gx301, 'GX301 still reported');
        assert.ok(isEnglish(text(gx301.message)), `English message: ${text(gx301.message)}`);
    });
});

describe('"Check Workspace": the CLI command the extension runs', () => {
    test('gxlint check --format json over the seeds, read back into positions', async (t) => {
        stub.reset();
        const resolution = await findGxlint(log);
        if (!resolution.command) {
            t.skip('gxlint was not found');
            return;
        }
        // the seeds folder as the workspace: the command line, folder and environment the command uses
        stub.folders = [stub.folder(seedDir)];
        const folder = stub.folders[0] as unknown as vscode.WorkspaceFolder;
        const { command, args, cwd, env } = checkLaunch(resolution.command, folder);
        const stdout = execFileSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const out = parseCheckOutput(stdout, cwd);
        const f001 = out.files.find((f) => path.basename(f.path) === seed001);
        assert.ok(f001, `seed 001 among ${out.files.map((f) => f.path).join(', ')}`);
        assert.equal(path.dirname(f001.path), seedDir);
        assert.ok(
            f001.diagnostics.some((d) => d.code === 'GX301' && d.start.line >= 96 && d.start.line <= 103),
            JSON.stringify(f001.diagnostics.map((d) => [d.code, d.start.line])),
        );
    });
});

describe('the MCP server, as the extension defines it for agent mode (gxlint.mcp.enable)', () => {
    test('VS Code would start it: it answers initialize, lists the tools and checks a seed by its path in the workspace', async (t) => {
        stub.reset();
        const resolution = await findGxlint(log);
        if (!resolution.command) {
            t.skip('gxlint was not found');
            return;
        }
        const gxlint = resolution.command;
        stub.folders = [stub.folder(seedDir)];
        stub.mcpApi = true;
        stub.config['gxlint.mcp.enable'] = true;
        registerMcpServer(log, () => Promise.resolve(gxlint));
        const provider = stub.mcpProviders[0]?.provider as { provideMcpServerDefinitions(t: unknown): Promise<McpStdioServerDefinition[]> };
        const [def] = await provider.provideMcpServerDefinitions({});
        assert.ok(def);
        // VS Code runs the command with the definition's environment over its own, in its cwd
        const child = spawn(def.command, def.args, {
            cwd: def.cwd?.fsPath,
            env: { ...process.env, ...(def.env as Record<string, string>) },
            stdio: 'pipe',
        });
        const stderr: string[] = [];
        child.stderr.on('data', (b: Buffer) => stderr.push(b.toString('utf8')));
        const answers = new Map<number, (m: Record<string, unknown>) => void>();
        let buffer = '';
        child.stdout.on('data', (b: Buffer) => {
            buffer += b.toString('utf8');
            let nl: number;
            while ((nl = buffer.indexOf('\n')) >= 0) {
                const msg = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>;
                buffer = buffer.slice(nl + 1);
                answers.get(msg.id as number)?.(msg);
            }
        });
        const request = (id: number, method: string, params: unknown): Promise<Record<string, unknown>> => {
            const answered = new Promise<Record<string, unknown>>((resolve) => answers.set(id, resolve));
            child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
            return withTimeout(answered, `${method} (stderr: ${stderr.join('')})`);
        };
        try {
            const init = await request(1, 'initialize', {
                protocolVersion: '2025-11-25',
                capabilities: {},
                clientInfo: { name: 'vscode-stub', version: '0' },
            });
            assert.equal((init.result as { serverInfo: { name: string } }).serverInfo.name, 'gxlint');
            child.stdin.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n');
            const tools = ((await request(2, 'tools/list', {})).result as { tools: { name: string }[] }).tools.map((x) => x.name);
            assert.deepEqual(tools.sort(), ['check_folder', 'check_report', 'compare_reports', 'explain_rule', 'fix_report', 'new_report_skeleton']);
            const call = (await request(3, 'tools/call', { name: 'check_report', arguments: { path: seed001 } })).result as {
                isError?: boolean;
                structuredContent: { source: string; findings: { code: string; line: number }[] };
            };
            assert.ok(!call.isError, JSON.stringify(call));
            assert.equal(call.structuredContent.source, seed001);
            for (const e of expected[seed001 ?? '']?.must ?? []) {
                assert.ok(
                    call.structuredContent.findings.some((f) => e.codes.some((c) => f.code.startsWith(c)) && (e.from === undefined || (f.line >= e.from && f.line <= (e.to ?? e.from)))),
                    `${JSON.stringify(e)} in ${JSON.stringify(call.structuredContent.findings.map((f) => [f.code, f.line]))}`,
                );
            }
            // a file outside the workspace folders is refused, with a message
            const outside = (await request(4, 'tools/call', { name: 'check_report', arguments: { path: path.join(root, 'README.md') } })).result as {
                isError?: boolean;
                content: { text: string }[];
            };
            assert.equal(outside.isError, true);
            assert.match(outside.content[0]?.text ?? '', /不在允许读取的目录之内/);
        } finally {
            child.stdin.end();
            child.kill();
        }
    });
});
