import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import { countDiagnostics } from '../../src/statusBar';
import { Diagnostic, DiagnosticSeverity, Range } from '../support/vscode-stub';

function diag(severity: DiagnosticSeverity, source: string | undefined, code?: string): vscode.Diagnostic {
    const d = new Diagnostic(new Range(0, 0, 0, 1), 'm', severity);
    d.source = source;
    d.code = code;
    return d as unknown as vscode.Diagnostic;
}

test('counts gxlint’s errors and warnings only', () => {
    const counts = countDiagnostics([
        diag(DiagnosticSeverity.Error, 'gxlint', 'GX301'),
        diag(DiagnosticSeverity.Error, 'gxlint', 'GX302'),
        diag(DiagnosticSeverity.Warning, 'gxlint', 'GX402'),
        diag(DiagnosticSeverity.Information, 'gxlint', 'GX601'),
        diag(DiagnosticSeverity.Error, 'cSpell', 'GX301'),
        diag(DiagnosticSeverity.Warning, undefined, 'GX604'),
        diag(DiagnosticSeverity.Warning, undefined, 'MD013'),
    ]);
    assert.deepEqual(counts, { errors: 2, warnings: 2 });
});
