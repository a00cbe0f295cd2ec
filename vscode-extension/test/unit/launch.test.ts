import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeEach, test } from 'node:test';
import type * as vscode from 'vscode';
import { checkLaunch, serverLaunch } from '../../src/launch';
import { type GxlintCommand, NEUTRAL_CWD } from '../../src/serverCommand';
import { getServerSettings } from '../../src/settings';
import { __stub as stub } from '../support/vscode-stub';

const py: GxlintCommand = { command: '/venv/bin/python', args: ['-m', 'gxlint'], source: 'gxlint.interpreter', version: 'gxlint 0.1.0' };
const exe: GxlintCommand = { command: '/opt/bin/gxlint', args: [], source: 'gxlint.path', version: 'gxlint 0.1.0' };
// a workspace folder that names no machine's files (nothing here reads it)
const root = path.join(os.tmpdir(), 'gxlint-launch-test', 'reports');

beforeEach(() => {
    stub.reset();
    stub.folders = [stub.folder(root)];
});

test('the server: `<python> -m gxlint lsp` or `gxlint lsp`, nothing added, in the extension folder', () => {
    const l = serverLaunch(py);
    assert.equal(l.command, '/venv/bin/python');
    assert.deepEqual(l.args, ['-m', 'gxlint', 'lsp']);
    assert.equal(l.options.cwd, NEUTRAL_CWD);
    assert.deepEqual(serverLaunch(exe).args, ['lsp']);
});

test('UTF-8 on stdio and no working directory on sys.path', () => {
    const env = serverLaunch(py).options.env;
    assert.equal(env.PYTHONUTF8, '1');
    assert.equal(env.PYTHONIOENCODING, 'utf-8');
    assert.equal(env.PYTHONSAFEPATH, '1');
    assert.equal(env.PATH, process.env.PATH);
});

for (const trusted of [false, true]) {
    test(`a ${trusted ? 'trusted' : 'untrusted'} workspace is never the server\u2019s working directory (python -m puts it on sys.path)`, () => {
        stub.trusted = trusted;
        assert.notEqual(serverLaunch(py).options.cwd, root);
        assert.ok(!path.resolve(serverLaunch(py).options.cwd).startsWith(root));
        if (!trusted) {
            assert.notEqual(checkLaunch(py, stub.folders![0] as unknown as vscode.WorkspaceFolder).cwd, root);
        }
    });
}

test('initializationOptions are the server settings for the first folder', () => {
    stub.language = 'zh-cn';
    stub.scoped[root] = { 'gxlint.select': ['GX3'] };
    const l = serverLaunch(py);
    assert.deepEqual(l.initializationOptions, getServerSettings(stub.folders![0] as unknown as vscode.WorkspaceFolder));
    assert.deepEqual(l.initializationOptions.select, ['GX3']);
    assert.equal(l.initializationOptions.lang, 'zh');
});

test('"Check Workspace": `check --format json … <folder>` with that folder’s settings', () => {
    stub.scoped[root] = { 'gxlint.ignore': ['GX505'], 'gxlint.lang': 'en' };
    const c = checkLaunch(exe, stub.folders![0] as unknown as vscode.WorkspaceFolder);
    assert.equal(c.command, '/opt/bin/gxlint');
    assert.deepEqual(c.args, ['check', '--format', 'json', '--exit-zero', '--lang', 'en', '--ignore', 'GX505', root]);
    assert.equal(c.cwd, root);
});
