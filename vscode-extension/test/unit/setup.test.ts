import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { findBundledWheel, offerSetup, type SetupDeps, setupPlan, venvDir, venvPython } from '../../src/setup';

const WHEEL = '/ext/bundled/gxlint-0.1.0-py3-none-any.whl';
const STORAGE = '/home/u/.config/Code/User/globalStorage/gxlint.gxlint';

function fake(answer: string | undefined, opts: { failing?: string; missing?: string[] } = {}) {
    const calls: string[] = [];
    const asked: { message: string; actions: string[] }[] = [];
    const logs: string[] = [];
    const events: string[] = [];
    const deps: SetupDeps = {
        wheel: WHEEL,
        candidates: ['/sel/python', 'python3'],
        storageDir: STORAGE,
        platform: 'linux',
        log: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(`ERROR ${m}`) },
        ask: async (message, ...actions) => {
            asked.push({ message, actions });
            return answer;
        },
        run: async (command, args) => {
            const line = [command, ...args].join(' ');
            calls.push(line);
            if (opts.missing?.includes(command)) {
                return { ok: false, output: 'not found' };
            }
            return opts.failing && line.includes(opts.failing) ? { ok: false, output: 'pip: error' } : { ok: true, output: 'ok' };
        },
        mkdir: (dir) => events.push(`mkdir ${dir}`),
        showOutput: () => events.push('show output'),
        progress: async (title, task) => {
            events.push(`progress ${title}`);
            const result = await task();
            events.push('progress done');
            return result;
        },
        useInterpreter: async (p) => {
            events.push(`interpreter ${p}`);
        },
    };
    return { deps, calls, asked, logs, events };
}

test('one notification with the three actions (English default; zh-cn through l10n)', async () => {
    const f = fake(undefined);
    assert.equal(await offerSetup(f.deps), undefined);
    assert.equal(f.asked.length, 1);
    assert.deepEqual(f.asked[0]?.actions, ['Install into Current Interpreter', 'Install into Private Environment', 'Show Output']);
    assert.deepEqual(f.calls, [], 'dismissed: nothing runs');
    const zh = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.equal(zh['Install into Current Interpreter'], '安装到当前解释器');
    assert.equal(zh['Install into Private Environment'], '安装到独立环境');
    assert.equal(zh['Show Output'], '显示输出');
    assert.ok(zh[f.asked[0]?.message ?? '']);
});

test('current interpreter: pip installs the bundled wheel there, nothing else', async () => {
    const f = fake('Install into Current Interpreter');
    assert.equal(await offerSetup(f.deps), '/sel/python');
    assert.deepEqual(f.calls, ['/sel/python --version', `/sel/python -m pip install ${WHEEL}`]);
    assert.deepEqual(f.events, ['progress Installing gxlint…', 'progress done']);
    assert.ok(f.logs.some((l) => l.includes(`Running: /sel/python -m pip install ${WHEEL}`)));
});

test('private environment: venv in <globalStorage>/venv, pip install with its python, then gxlint.interpreter', async () => {
    const f = fake('Install into Private Environment', { missing: ['/sel/python'] });
    const vpy = path.posix.join(STORAGE, 'venv', 'bin', 'python');
    assert.equal(await offerSetup(f.deps), vpy);
    assert.deepEqual(f.calls, [
        '/sel/python --version',
        'python3 --version',
        `python3 -m venv ${path.join(STORAGE, 'venv')}`,
        `${vpy} -m pip install ${WHEEL}`,
    ]);
    // the steps run under the progress notification; the interpreter is set once they are done
    assert.deepEqual(f.events, [`mkdir ${STORAGE}`, 'progress Installing gxlint…', 'progress done', `interpreter ${vpy}`]);
});

test('a failing step stops there, shows the output, does not set the interpreter, asks nothing more', async () => {
    const f = fake('Install into Private Environment', { failing: '-m venv' });
    assert.equal(await offerSetup(f.deps), undefined);
    assert.equal(f.calls.length, 3, 'the probe, the environment with pip, then without: no pip install after');
    assert.deepEqual(f.events, [`mkdir ${STORAGE}`, 'progress Installing gxlint…', 'progress done', 'show output']);
    assert.equal(f.asked.length, 1);
    assert.ok(f.logs.some((l) => l.startsWith('ERROR Set-up failed')));
});

test('"Show Output" only shows the output; no wheel: no notification; no Python: said in the log', async () => {
    const out = fake('Show Output');
    assert.equal(await offerSetup(out.deps), undefined);
    assert.deepEqual(out.calls, []);
    assert.deepEqual(out.events, ['show output']);
    const none = fake('Install into Current Interpreter');
    none.deps.wheel = undefined;
    assert.equal(await offerSetup(none.deps), undefined);
    assert.equal(none.asked.length, 0);
    const nopy = fake('Install into Current Interpreter', { missing: ['/sel/python', 'python3'] });
    assert.equal(await offerSetup(nopy.deps), undefined);
    assert.ok(nopy.logs.some((l) => l.startsWith('ERROR No Python interpreter')));
});

test('paths: venv folder and interpreter per platform; setupPlan order', () => {
    assert.equal(venvDir('/s'), path.join('/s', 'venv'));
    assert.equal(venvPython('/s/venv', 'linux'), '/s/venv/bin/python');
    assert.equal(venvPython('C:\\s\\venv', 'win32'), 'C:\\s\\venv\\Scripts\\python.exe');
    assert.deepEqual(setupPlan('interpreter', 'py', 'w.whl', '/s', 'linux').steps, [{ command: 'py', args: ['-m', 'pip', 'install', 'w.whl'] }]);
});

test('findBundledWheel: the gxlint wheel in <extension>/bundled, or none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gxlint-ext-'));
    try {
        assert.equal(findBundledWheel(dir), undefined);
        fs.mkdirSync(path.join(dir, 'bundled'));
        fs.writeFileSync(path.join(dir, 'bundled', 'other-1.0-py3-none-any.whl'), '');
        assert.equal(findBundledWheel(dir), undefined);
        fs.writeFileSync(path.join(dir, 'bundled', 'gxlint-0.1.0-py3-none-any.whl'), '');
        assert.equal(findBundledWheel(dir), path.join(dir, 'bundled', 'gxlint-0.1.0-py3-none-any.whl'));
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

test('private environment without ensurepip: made without pip, installed with the interpreter’s pip', async () => {
    const f = fake('Install into Private Environment', { failing: `-m venv ${venvDir(STORAGE)}` });
    const vpy = venvPython(venvDir(STORAGE), 'linux');
    assert.equal(await offerSetup(f.deps), vpy);
    assert.deepEqual(f.calls.slice(-3), [
        `/sel/python -m venv ${venvDir(STORAGE)}`,
        `/sel/python -m venv --without-pip --clear ${venvDir(STORAGE)}`,
        `/sel/python -m pip --python ${vpy} install ${WHEEL}`,
    ]);
    assert.ok(f.logs.some((l) => l.includes('without the python3-venv package')));
    assert.ok(f.events.includes(`interpreter ${vpy}`));
});

test('private environment: neither way works — the log says what Python needs', async () => {
    const f = fake('Install into Private Environment', { failing: ' -m ' });
    assert.equal(await offerSetup(f.deps), undefined);
    assert.ok(f.logs.some((l) => l.startsWith('ERROR Set-up failed:') && l.includes('--without-pip')));
    assert.ok(f.logs.some((l) => l.includes('python3-venv')));
    assert.ok(f.events.includes('show output'));
    assert.ok(!f.events.some((e) => e.startsWith('interpreter ')));
});

test('a failure after the environment was made does not fall back (pip itself failed)', async () => {
    const f = fake('Install into Private Environment', { failing: 'pip install' });
    assert.equal(await offerSetup(f.deps), undefined);
    assert.ok(!f.calls.some((c) => c.includes('--without-pip')));
});
