import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
    checkCommandLine,
    configuredFailures,
    execProbe,
    lspCommandLine,
    NEUTRAL_CWD,
    type Probe,
    type ResolveInputs,
    resolveGxlintCommand,
} from '../../src/serverCommand';

/** A probe that succeeds for the command lines in `works` and records every call. */
function fakeProbe(works: string[]): { probe: Probe; calls: string[] } {
    const calls: string[] = [];
    const probe: Probe = async (command, args) => {
        const line = [command, ...args].join(' ');
        calls.push(line);
        return works.includes(line) ? { ok: true, output: 'gxlint 0.1.0\n' } : { ok: false, output: 'No module named gxlint' };
    };
    return { probe, calls };
}

function inputs(over: Partial<ResolveInputs>): ResolveInputs {
    return {
        path: '',
        interpreter: '',
        pythonExtensionInterpreter: async () => undefined,
        probe: fakeProbe([]).probe,
        platform: 'linux',
        ...over,
    };
}

describe('resolveGxlintCommand: the order', () => {
    test('1. gxlint.path wins, and is run as `gxlint lsp`', async () => {
        const { probe, calls } = fakeProbe(['/opt/bin/gxlint --version', '/venv/bin/python -m gxlint --version', 'python3 -m gxlint --version']);
        const r = await resolveGxlintCommand(
            inputs({ path: '/opt/bin/gxlint', interpreter: '/venv/bin/python', pythonExtensionInterpreter: async () => '/sel/python', probe }),
        );
        assert.equal(r.command?.source, 'gxlint.path');
        assert.equal(r.command?.version, 'gxlint 0.1.0');
        assert.deepEqual(lspCommandLine(r.command), { command: '/opt/bin/gxlint', args: ['lsp'] });
        assert.deepEqual(calls, ['/opt/bin/gxlint --version']);
    });
    test('2. gxlint.interpreter when the path does not run: `<python> -m gxlint lsp`', async () => {
        const { probe, calls } = fakeProbe(['/venv/bin/python -m gxlint --version', 'python3 -m gxlint --version']);
        const r = await resolveGxlintCommand(inputs({ path: '/missing/gxlint', interpreter: '/venv/bin/python', probe }));
        assert.equal(r.command?.source, 'gxlint.interpreter');
        assert.deepEqual(lspCommandLine(r.command), { command: '/venv/bin/python', args: ['-m', 'gxlint', 'lsp'] });
        assert.deepEqual(calls, ['/missing/gxlint --version', '/venv/bin/python -m gxlint --version']);
        assert.deepEqual(
            r.attempts.map((a) => [a.source, a.ok]),
            [
                ['gxlint.path', false],
                ['gxlint.interpreter', true],
            ],
        );
    });
    test('3. the Python extension’s selected interpreter when no setting names one', async () => {
        const { probe, calls } = fakeProbe(['/sel/python -m gxlint --version', 'python3 -m gxlint --version']);
        const r = await resolveGxlintCommand(inputs({ pythonExtensionInterpreter: async () => '/sel/python', probe }));
        assert.equal(r.command?.source, 'python-extension');
        assert.equal(r.command?.command, '/sel/python');
        assert.deepEqual(calls, ['/sel/python -m gxlint --version']);
    });
    test('4. the gxlint command on PATH (pipx: python3 lacks the module), when it serves `gxlint lsp`', async () => {
        const { probe, calls } = fakeProbe(['gxlint --version', 'gxlint lsp --help']);
        const r = await resolveGxlintCommand(inputs({ pythonExtensionInterpreter: async () => '/sel/python', probe }));
        assert.equal(r.command?.source, 'PATH');
        assert.deepEqual(lspCommandLine(r.command), { command: 'gxlint', args: ['lsp'] });
        assert.deepEqual(checkCommandLine(r.command, ['--format', 'json']), { command: 'gxlint', args: ['check', '--format', 'json'] });
        assert.deepEqual(calls, ['/sel/python -m gxlint --version', 'gxlint --version', 'gxlint lsp --help']);
    });
    test('4. a gxlint on PATH too old for `gxlint lsp` is passed over, and the log says why', async () => {
        const { probe, calls } = fakeProbe(['gxlint --version', 'python3 -m gxlint --version']);
        const r = await resolveGxlintCommand(inputs({ probe }));
        assert.equal(r.command?.command, 'python3');
        assert.deepEqual(calls, ['gxlint --version', 'gxlint lsp --help', 'python3 -m gxlint --version']);
        const old = r.attempts.find((a) => a.args.includes('lsp'));
        assert.equal(old?.ok, false);
        assert.match(old?.detail ?? '', /gxlint 0\.1\.0 has no language server/);
    });
    test('5. python3 then python on PATH, when gxlint is importable there', async () => {
        const { probe, calls } = fakeProbe(['python -m gxlint --version']);
        const r = await resolveGxlintCommand(inputs({ pythonExtensionInterpreter: async () => '/sel/python', probe }));
        assert.equal(r.command?.source, 'PATH');
        assert.deepEqual(lspCommandLine(r.command), { command: 'python', args: ['-m', 'gxlint', 'lsp'] });
        assert.deepEqual(calls, ['/sel/python -m gxlint --version', 'gxlint --version', 'python3 -m gxlint --version', 'python -m gxlint --version']);
    });
    test('a failing Python extension API is an attempt, not an error', async () => {
        const { probe } = fakeProbe(['python3 -m gxlint --version']);
        const r = await resolveGxlintCommand(
            inputs({
                pythonExtensionInterpreter: async () => {
                    throw new Error('not activated');
                },
                probe,
            }),
        );
        assert.equal(r.command?.command, 'python3');
        assert.equal(r.attempts[0]?.source, 'python-extension');
        assert.match(r.attempts[0]?.detail ?? '', /not activated/);
    });
    test('a probe that throws counts as a failure', async () => {
        const r = await resolveGxlintCommand(
            inputs({
                interpreter: '/x/python',
                probe: async (c) => {
                    if (c === '/x/python') {
                        throw new Error('EACCES');
                    }
                    return { ok: c === 'python3', output: 'gxlint 0.1.0' };
                },
            }),
        );
        assert.equal(r.command?.command, 'python3');
        assert.match(r.attempts[0]?.detail ?? '', /EACCES/);
    });
    test('nothing works: no command, every attempt listed in order', async () => {
        const r = await resolveGxlintCommand(inputs({ path: 'gx', interpreter: 'py', pythonExtensionInterpreter: async () => 'sel' }));
        assert.equal(r.command, undefined);
        assert.deepEqual(
            r.attempts.map((a) => `${a.source}:${a.command}`),
            ['gxlint.path:gx', 'gxlint.interpreter:py', 'python-extension:sel', 'PATH:gxlint', 'PATH:python3', 'PATH:python'],
        );
    });
    test('on Windows, python comes before py and python3', async () => {
        const r = await resolveGxlintCommand(inputs({ platform: 'win32' }));
        assert.deepEqual(
            r.attempts.map((a) => a.command),
            ['gxlint', 'python', 'py', 'python3'],
        );
    });
});

describe('configuredFailures: a set gxlint.path / gxlint.interpreter that does not run gxlint', () => {
    test('each failing setting, with why and what runs instead', async () => {
        const { probe } = fakeProbe(['python3 -m gxlint --version']);
        const r = await resolveGxlintCommand(inputs({ path: '/no/gxlint', interpreter: '/no/python', probe }));
        assert.deepEqual(configuredFailures(r), [
            { setting: 'gxlint.path', value: '/no/gxlint', detail: 'No module named gxlint', instead: 'python3 -m gxlint' },
            { setting: 'gxlint.interpreter', value: '/no/python', detail: 'No module named gxlint', instead: 'python3 -m gxlint' },
        ]);
    });
    test('nothing found: no "instead"', async () => {
        const r = await resolveGxlintCommand(inputs({ interpreter: '/no/python' }));
        assert.deepEqual(configuredFailures(r), [{ setting: 'gxlint.interpreter', value: '/no/python', detail: 'No module named gxlint', instead: undefined }]);
    });
    test('settings that work, settings not set, and PATH failures are not reported', async () => {
        const { probe } = fakeProbe(['/venv/bin/python -m gxlint --version']);
        assert.deepEqual(configuredFailures(await resolveGxlintCommand(inputs({ interpreter: '/venv/bin/python', probe }))), []);
        assert.deepEqual(configuredFailures(await resolveGxlintCommand(inputs({}))), []);
    });
});

describe('command lines', () => {
    test('the CLI goes through the same gxlint', () => {
        const exe = { command: '/opt/gxlint', args: [], source: 'gxlint.path' as const, version: '' };
        const py = { command: 'python3', args: ['-m', 'gxlint'], source: 'PATH' as const, version: '' };
        assert.deepEqual(checkCommandLine(exe, ['--format', 'json', '.']), { command: '/opt/gxlint', args: ['check', '--format', 'json', '.'] });
        assert.deepEqual(checkCommandLine(py, ['.']), { command: 'python3', args: ['-m', 'gxlint', 'check', '.'] });
    });
});

describe('execProbe', () => {
    test('a command that does not exist: not ok, "not found"', async () => {
        const r = await execProbe('/nonexistent/gxlint-for-test', ['--version']);
        assert.equal(r.ok, false);
        assert.equal(r.output, 'not found');
    });
    test('a non-zero exit is not ok and keeps the last lines of output', async () => {
        const r = await execProbe(process.execPath, ['-e', 'console.error("Traceback\\nImportError: No module named gxlint"); process.exit(1)']);
        assert.equal(r.ok, false);
        assert.match(r.output, /No module named gxlint/);
    });
    test('exit 0 is ok, with its output', async () => {
        const r = await execProbe(process.execPath, ['-e', 'console.log("gxlint 9.9")']);
        assert.deepEqual(r, { ok: true, output: 'gxlint 9.9' });
    });
    test('the version probe runs in the extension folder, never in the workspace or the editor\'s working directory', async () => {
        const r = await execProbe(process.execPath, ['-e', 'console.log(process.cwd()); console.log(process.env.PYTHONSAFEPATH)']);
        assert.equal(r.ok, true);
        const [cwd, safe] = r.output.split(/\r?\n/);
        assert.equal(path.resolve(cwd), path.resolve(NEUTRAL_CWD));
        assert.notEqual(path.resolve(cwd), path.resolve(process.cwd()));
        assert.equal(safe, '1');
    });
});
