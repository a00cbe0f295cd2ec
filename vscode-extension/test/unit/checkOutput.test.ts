import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { checkArgsFor, parseCheckOutput, PositionMapper } from '../../src/checkOutput';
import { toVscodeDiagnostics } from '../../src/checkWorkspace';
import type { ServerSettings } from '../../src/settings';
import { DiagnosticSeverity } from '../support/vscode-stub';

const base: ServerSettings = {
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
};

const pos = (line: number, column: number, offset = 0) => ({ line, column, offset });

describe('checkArgsFor', () => {
    test('defaults: JSON, never fail the command, the language', () => {
        assert.deepEqual(checkArgsFor(base), ['--format', 'json', '--exit-zero', '--lang', 'zh']);
    });
    test('every setting becomes its CLI option', () => {
        const args = checkArgsFor({
            ...base,
            lang: 'en',
            select: ['GX3', 'GX5'],
            ignore: ['GX505'],
            severity: { GX301: 'warning', GX6: 'hint' },
            template: 'v2019',
            year: 2019,
        });
        assert.deepEqual(args, [
            '--format', 'json', '--exit-zero', '--lang', 'en',
            '--select', 'GX3,GX5',
            '--ignore', 'GX505',
            '--severity', 'GX301=warning',
            '--severity', 'GX6=hint',
            '--template', 'v2019',
            '--year', '2019',
        ]);
    });
});

describe('parseCheckOutput', () => {
    test('resolves paths against the folder and keeps well-formed diagnostics', () => {
        const json = JSON.stringify({
            gxlint: '0.1.0',
            files: [
                {
                    path: 'reports/2023.txt',
                    diagnostics: [
                        { code: 'GX301', severity: 'error', message: 'm', start: pos(96, 1), end: pos(96, 3) },
                        { code: 'GX999' },
                    ],
                },
                { path: 42 },
            ],
            summary: { files: 1, error: 1 },
        });
        const out = parseCheckOutput(json, path.resolve('/ws'));
        assert.equal(out.files.length, 1);
        assert.equal(out.files[0]?.path, path.resolve('/ws/reports/2023.txt'));
        assert.equal(out.files[0]?.diagnostics.length, 1);
        assert.equal(out.summary.error, 1);
    });
    test('says what went wrong when the output is not the JSON report', () => {
        assert.throws(() => parseCheckOutput('Traceback (most recent call last)', '/ws'), /did not print JSON: Traceback/);
        assert.throws(() => parseCheckOutput('{"x": 1}', '/ws'), /without a "files" list/);
    });
});

describe('PositionMapper: code points → UTF-16', () => {
    test('same column in the BMP, shifted after a character outside it', () => {
        const m = new PositionMapper('一二三\r\n𠀀甲乙\n');
        assert.deepEqual(m.map(pos(1, 3)), { line: 0, character: 2 });
        assert.deepEqual(m.map(pos(2, 1)), { line: 1, character: 0 });
        assert.deepEqual(m.map(pos(2, 2)), { line: 1, character: 2 });
        assert.deepEqual(m.map(pos(2, 4)), { line: 1, character: 4 });
    });
    test('a lone \\r ends a line too (as in LSP)', () => {
        const m = new PositionMapper('a\rb𠀀c');
        assert.deepEqual(m.map(pos(2, 3)), { line: 1, character: 3 });
    });
    test('without the text (or past the end of a line) the column is taken as is', () => {
        assert.deepEqual(new PositionMapper(undefined).map(pos(5, 7)), { line: 4, character: 6 });
        assert.deepEqual(new PositionMapper('ab').map(pos(1, 5)), { line: 0, character: 4 });
    });
});

describe('toVscodeDiagnostics', () => {
    test('severity, code, source, range and related locations', () => {
        const [d] = toVscodeDiagnostics(
            {
                path: path.resolve('/ws/r.txt'),
                diagnostics: [
                    {
                        code: 'GX302',
                        severity: 'warning',
                        message: '（七）总计 商业企业列为 0，但各办理结果之和为 9',
                        start: pos(2, 2),
                        end: pos(2, 3),
                        related: [{ message: '予以公开', start: pos(1, 1), end: pos(1, 2) }],
                    },
                ],
            },
            '甲\n𠀀0\n',
        );
        assert.ok(d);
        assert.equal(d.severity, DiagnosticSeverity.Warning);
        assert.equal(d.code, 'GX302');
        assert.equal(d.source, 'gxlint');
        assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.character], [1, 2, 3]);
        assert.equal(d.relatedInformation?.[0]?.message, '予以公开');
        assert.equal(d.relatedInformation?.[0]?.location.uri.fsPath, path.resolve('/ws/r.txt'));
    });
});
