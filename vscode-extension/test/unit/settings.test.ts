import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import type * as vscode from 'vscode';
import {
    answerConfiguration,
    buildServerSettings,
    getExtensionSettings,
    getServerSettings,
    getSettingsProblems,
    resolveLang,
    substituteVariables,
    toCodeList,
    toSeverityMap,
} from '../../src/settings';
import { __stub as stub, Uri } from '../support/vscode-stub';

beforeEach(() => stub.reset());

describe('toCodeList', () => {
    test('takes a list or a comma-separated string, trims, drops empty and repeated entries', () => {
        assert.deepEqual(toCodeList(['GX3', ' GX601 ', '', 'GX3', 'row-total-mismatch']), ['GX3', 'GX601', 'row-total-mismatch']);
        assert.deepEqual(toCodeList('GX1, GX2,,GX1'), ['GX1', 'GX2']);
        assert.deepEqual(toCodeList(['GX1,GX2', 'GX5']), ['GX1', 'GX2', 'GX5']);
    });
    test('ignores what is not text', () => {
        assert.deepEqual(toCodeList(undefined), []);
        assert.deepEqual(toCodeList(42), []);
        assert.deepEqual(toCodeList([1, null, 'GX4']), ['GX4']);
    });
});

describe('toSeverityMap', () => {
    test('normalises the levels and keeps the keys', () => {
        const { severity, problems } = toSeverityMap({ GX301: 'Warning', GX6: 'info', ' GX205 ': 'warn', GX1: 'hint' });
        assert.deepEqual(severity, { GX301: 'warning', GX6: 'information', GX205: 'warning', GX1: 'hint' });
        assert.deepEqual(problems, []);
    });
    test('leaves out what it does not understand, and says so', () => {
        const { severity, problems } = toSeverityMap({ GX301: 'fatal', GX302: 3, '': 'error', GX303: 'error' });
        assert.deepEqual(severity, { GX303: 'error' });
        assert.equal(problems.length, 3);
        assert.match(problems[0] ?? '', /GX301/);
    });
    test('rejects a list', () => {
        const { severity, problems } = toSeverityMap(['GX301']);
        assert.deepEqual(severity, {});
        assert.equal(problems.length, 1);
    });
});

describe('resolveLang', () => {
    test('auto means Chinese, the language of the reports, whatever the display language', () => {
        assert.equal(resolveLang('auto', 'zh-cn'), 'zh');
        assert.equal(resolveLang('auto', 'zh-tw'), 'zh');
        assert.equal(resolveLang('auto', 'en'), 'zh');
        assert.equal(resolveLang('auto', 'ja'), 'zh');
        assert.equal(resolveLang(undefined, 'en-US'), 'zh');
    });
    test('an explicit choice wins', () => {
        assert.equal(resolveLang('en', 'zh-cn'), 'en');
        assert.equal(resolveLang('zh', 'en'), 'zh');
    });
});

describe('getServerSettings', () => {
    test('with nothing set: the manifest defaults, exactly the keys the server expects', () => {
        assert.deepEqual(getServerSettings(), {
            select: [],
            ignore: [],
            severity: {},
            lang: 'zh',
            template: null,
            year: null,
            lintAllDocuments: false,
            run: 'onType',
            debounceMs: 75,
            crossReport: true,
            publishClosedFiles: false,
            logTiming: false,
        });
    });
    test('VS Code in Chinese: messages in Chinese', () => {
        stub.language = 'zh-cn';
        assert.equal(getServerSettings().lang, 'zh');
        stub.config['gxlint.lang'] = 'en';
        assert.equal(getServerSettings().lang, 'en');
    });
    test('carries every setting, cleaned', () => {
        Object.assign(stub.config, {
            'gxlint.select': ['GX3', 'GX5'],
            'gxlint.ignore': 'GX505',
            'gxlint.severity': { GX301: 'warning', bogus: 'loud' },
            'gxlint.template': 'v2019',
            'gxlint.year': 2019,
            'gxlint.lintAllDocuments': true,
            'gxlint.run': 'onSave',
            'gxlint.debounceMs': 1250.4,
            'gxlint.crossReport': false,
            'gxlint.publishClosedFiles': true,
            'gxlint.logTiming': true,
        });
        assert.deepEqual(getServerSettings(), {
            select: ['GX3', 'GX5'],
            ignore: ['GX505'],
            severity: { GX301: 'warning' },
            lang: 'zh',
            template: 'v2019',
            year: 2019,
            lintAllDocuments: true,
            run: 'onSave',
            debounceMs: 1250,
            crossReport: false,
            publishClosedFiles: true,
            logTiming: true,
        });
        assert.equal(getSettingsProblems().length, 1);
    });
    test('drops values out of range', () => {
        Object.assign(stub.config, { 'gxlint.template': 'v1999', 'gxlint.year': 1900, 'gxlint.run': 'sometimes', 'gxlint.debounceMs': -5 });
        const s = getServerSettings();
        assert.equal(s.template, null);
        assert.equal(s.year, null);
        assert.equal(s.run, 'onType');
        assert.equal(s.debounceMs, 75);
    });
    test('the switches take true/false (or their text) and otherwise keep their defaults', () => {
        Object.assign(stub.config, { 'gxlint.crossReport': 'false', 'gxlint.publishClosedFiles': ' TRUE ', 'gxlint.logTiming': 1 });
        let s = getServerSettings();
        assert.equal(s.crossReport, false);
        assert.equal(s.publishClosedFiles, true);
        assert.equal(s.logTiming, false);
        Object.assign(stub.config, { 'gxlint.crossReport': 'maybe', 'gxlint.publishClosedFiles': null, 'gxlint.logTiming': 'true' });
        s = getServerSettings();
        assert.equal(s.crossReport, true);
        assert.equal(s.publishClosedFiles, false);
        assert.equal(s.logTiming, true);
    });
    test('a folder setting applies to documents in that folder', () => {
        const root = path.resolve('/reports/a');
        stub.folders = [stub.folder(root)];
        stub.scoped[root] = { 'gxlint.ignore': ['GX6'] };
        assert.deepEqual(getServerSettings(Uri.file(path.join(root, '2023.txt')) as unknown as vscode.Uri).ignore, ['GX6']);
        assert.deepEqual(getServerSettings(Uri.file(path.resolve('/elsewhere/x.txt')) as unknown as vscode.Uri).ignore, []);
    });
    test('buildServerSettings reads only the keys it is given', () => {
        const seen: string[] = [];
        buildServerSettings((k) => {
            seen.push(k);
            return undefined;
        }, 'en');
        assert.deepEqual(seen.sort(), [
            'crossReport',
            'debounceMs',
            'ignore',
            'lang',
            'lintAllDocuments',
            'logTiming',
            'publishClosedFiles',
            'run',
            'select',
            'severity',
            'template',
            'year',
        ]);
    });
});

describe('answerConfiguration (workspace/configuration)', () => {
    test('answers the "gxlint" section with the server settings and passes others through', () => {
        stub.language = 'zh-cn';
        stub.config['gxlint.select'] = ['GX3'];
        const answer = answerConfiguration([{ section: 'gxlint' }, { section: 'files' }, { section: 'gxlint', scopeUri: 'file:///tmp/r.txt' }], [
            { lang: 'auto' },
            { eol: '\n' },
            {},
        ]);
        assert.equal(answer.length, 3);
        assert.deepEqual((answer[0] as { select: string[] }).select, ['GX3']);
        assert.equal((answer[0] as { lang: string }).lang, 'zh');
        assert.deepEqual(answer[1], { eol: '\n' });
        assert.deepEqual(answer[2], answer[0]);
    });
    test('a key of the section ("gxlint.lang") gets that value of the same object', () => {
        stub.language = 'zh-cn';
        stub.config['gxlint.crossReport'] = false;
        const answer = answerConfiguration(
            [{ section: 'gxlint.lang' }, { section: 'gxlint.debounceMs' }, { section: 'gxlint.enable' }, { section: 'gxlint.crossReport' }, { section: 'gxlint.logTiming' }],
            ['auto', 75, true, false, false],
        );
        assert.deepEqual(answer, ['zh', 75, null, false, false]);
    });
});

describe('substituteVariables and getExtensionSettings', () => {
    test('expands ${workspaceFolder}, ${userHome}, ${env:X} and ~', () => {
        const ctx = { workspaceFolder: '/ws', userHome: '/home/u', env: { VENV: '/opt/venv' } };
        assert.equal(substituteVariables('${workspaceFolder}/.venv/bin/python', ctx), '/ws/.venv/bin/python');
        assert.equal(substituteVariables('~/bin/gxlint', ctx), '/home/u/bin/gxlint');
        assert.equal(substituteVariables('${userHome}/x', ctx), '/home/u/x');
        assert.equal(substituteVariables('${env:VENV}/bin/python', ctx), '/opt/venv/bin/python');
        assert.equal(substituteVariables('${env:MISSING}python3', ctx), 'python3');
        assert.equal(substituteVariables('  /usr/bin/python3  ', ctx), '/usr/bin/python3');
    });
    test('reads enable, path and interpreter for the first folder', () => {
        const root = path.resolve('/ws');
        stub.folders = [stub.folder(root)];
        assert.deepEqual(getExtensionSettings(), { enable: true, path: '', interpreter: '' });
        Object.assign(stub.config, { 'gxlint.enable': false, 'gxlint.interpreter': '${workspaceFolder}/.venv/bin/python' });
        assert.deepEqual(getExtensionSettings(stub.folders[0] as unknown as vscode.WorkspaceFolder), {
            enable: false,
            path: '',
            interpreter: `${root}/.venv/bin/python`,
        });
    });
});
