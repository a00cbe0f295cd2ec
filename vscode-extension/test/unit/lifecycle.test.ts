import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Lifecycle, NotFoundNotice } from '../../src/lifecycle';

/** A server that takes a while to start and stop, and a log of what was done. */
function fakeServer(opts: { finds?: () => boolean } = {}) {
    const state = { running: false, interpreter: '/empty/venv/bin/python', log: [] as string[] };
    const tick = () => new Promise((r) => setTimeout(r, 5));
    const lifecycle = new Lifecycle({
        start: async () => {
            state.log.push(`start ${state.interpreter}`);
            await tick();
            state.running = opts.finds ? opts.finds() : true;
        },
        stop: async () => {
            if (state.running) {
                state.log.push('stop');
                await tick();
                state.running = false;
            }
        },
        running: () => state.running,
        settingsKey: () => JSON.stringify({ interpreter: state.interpreter }),
    });
    return { state, lifecycle };
}

describe('Lifecycle', () => {
    test('the set-up writes gxlint.interpreter and asks for the server: it starts once', async () => {
        // the first start finds no gxlint; the set-up installs it into a private environment
        let installed = false;
        const { state, lifecycle } = fakeServer({ finds: () => installed });
        await lifecycle.restart();
        assert.equal(state.running, false);
        installed = true;
        state.interpreter = '/storage/venv/bin/python';
        // the settings change event, then the set-up itself (in either order, at once or one after the other)
        await Promise.all([lifecycle.ensureStarted(), lifecycle.ensureStarted()]);
        await lifecycle.ensureStarted();
        assert.deepEqual(state.log, ['start /empty/venv/bin/python', 'start /storage/venv/bin/python']);
        assert.equal(state.running, true);
    });

    test('installed into the current interpreter (no setting changes): the server starts', async () => {
        let installed = false;
        const { state, lifecycle } = fakeServer({ finds: () => installed });
        await lifecycle.restart();
        installed = true;
        await lifecycle.ensureStarted();
        assert.deepEqual(state.log, ['start /empty/venv/bin/python', 'start /empty/venv/bin/python']);
        assert.equal(state.running, true);
    });

    test('another interpreter set by hand: the running server is replaced', async () => {
        const { state, lifecycle } = fakeServer();
        await lifecycle.restart();
        state.interpreter = '/opt/other/bin/python';
        assert.equal(await lifecycle.ensureStarted(), true);
        assert.deepEqual(state.log, ['start /empty/venv/bin/python', 'stop', 'start /opt/other/bin/python']);
    });

    test('a change that leaves the settings in force as they were: no restart, and it says so', async () => {
        // e.g. a User value under a Remote value: the event fires, what applies is unchanged
        const { state, lifecycle } = fakeServer();
        await lifecycle.restart();
        assert.equal(await lifecycle.ensureStarted(), false);
        assert.deepEqual(state.log, ['start /empty/venv/bin/python']);
    });

    test('"Restart Server" always restarts; stop stops; jobs run one at a time, in order', async () => {
        const { state, lifecycle } = fakeServer();
        await Promise.all([lifecycle.restart(), lifecycle.restart(), lifecycle.stop(), lifecycle.ensureStarted()]);
        assert.deepEqual(state.log, [
            'start /empty/venv/bin/python',
            'stop',
            'start /empty/venv/bin/python',
            'stop',
            'start /empty/venv/bin/python',
        ]);
        assert.equal(state.running, true);
    });

    test('a job that throws does not stop the next ones', async () => {
        let fail = true;
        const lifecycle = new Lifecycle({
            start: async () => {
                if (fail) {
                    throw new Error('boom');
                }
            },
            stop: async () => undefined,
            running: () => !fail,
            settingsKey: () => 'k',
        });
        await assert.rejects(lifecycle.restart(), /boom/);
        fail = false;
        await lifecycle.ensureStarted();
    });
});

describe('NotFoundNotice: when a start without gxlint offers the set-up', () => {
    test('once for the starts a settings change or a new folder makes', () => {
        const n = new NotFoundNotice();
        assert.equal(n.take(), true);
        n.closed();
        assert.equal(n.take(), false, 'a restart of its own does not ask again');
        assert.equal(n.take(), false);
    });

    test('again after "gxlint: Restart Server" (a dismissed question, a failed set-up)', () => {
        const n = new NotFoundNotice();
        assert.equal(n.take(), true);
        n.closed();
        n.reset();
        assert.equal(n.take(), true);
    });

    test('never two at once: a restart while the question is still open does not ask again', () => {
        const n = new NotFoundNotice();
        assert.equal(n.take(), true);
        n.reset();
        assert.equal(n.take(), false, 'the first question is still open');
        n.closed();
        assert.equal(n.take(), true);
    });

    test('gxlint found, then gone again: asked again', () => {
        const n = new NotFoundNotice();
        assert.equal(n.take(), true);
        n.closed();
        n.reset(); // found
        assert.equal(n.take(), true);
    });
});
