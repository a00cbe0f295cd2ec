import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CheckWorkspaceDeps, checkWorkspaceCommand, parseServerCheck } from '../../src/checkWorkspace';

/** The command's world: a server that runs or not (and may start), with what each step did. */
function world(opts: { running: boolean; startable?: boolean; answer?: unknown }) {
    const calls: string[] = [];
    let running = opts.running;
    const deps: CheckWorkspaceDeps = {
        running: () => running,
        start: async () => {
            calls.push('start');
            running = running || !!opts.startable;
        },
        askServer: async () => {
            calls.push('askServer');
            return opts.answer;
        },
        runCli: async () => {
            calls.push('runCli');
        },
        clearCli: () => calls.push('clearCli'),
        progress: (task) => {
            calls.push('progress');
            return task();
        },
        log: { info: (m) => calls.push(`info: ${m}`), warn: (m) => calls.push(`warn: ${m}`) },
        showProblems: async () => calls.push('showProblems'),
    };
    return { deps, calls };
}

describe('checkWorkspaceCommand: one source of truth', () => {
    test('a running server is asked (with progress); the CLI is not run and its old findings are cleared', async () => {
        const { deps, calls } = world({ running: true, answer: { files: 17, problems: 146 } });
        assert.equal(await checkWorkspaceCommand(deps), 'server');
        assert.deepEqual(calls, [
            'clearCli',
            'progress',
            'askServer',
            'info: Check workspace: the server shows 146 problem(s) in 17 report(s)',
            'showProblems',
        ]);
    });
    test('a stopped server is started, then asked', async () => {
        const { deps, calls } = world({ running: false, startable: true, answer: { files: 1, problems: 0 } });
        assert.equal(await checkWorkspaceCommand(deps), 'server');
        assert.deepEqual(calls.slice(0, 4), ['start', 'clearCli', 'progress', 'askServer']);
        assert.ok(!calls.includes('runCli'));
    });
    test('the CLI only when the server cannot run (disabled, not started)', async () => {
        const { deps, calls } = world({ running: false, startable: false });
        assert.equal(await checkWorkspaceCommand(deps), 'cli');
        assert.ok(calls.includes('runCli'));
        assert.ok(!calls.includes('askServer') && !calls.includes('clearCli'));
    });
    test('an answer that is not one is logged as such, not counted', async () => {
        const { deps, calls } = world({ running: true, answer: null });
        await checkWorkspaceCommand(deps);
        assert.ok(calls.includes('warn: Check workspace: the server did not say what it found'));
    });
});

describe('parseServerCheck', () => {
    test('the counts, or undefined', () => {
        assert.deepEqual(parseServerCheck({ files: 3, problems: 5, extra: 1 }), { files: 3, problems: 5 });
        assert.equal(parseServerCheck({ files: '3', problems: 5 }), undefined);
        assert.equal(parseServerCheck(undefined), undefined);
        assert.equal(parseServerCheck([1, 2]), undefined);
    });
});
