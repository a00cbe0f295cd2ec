/** The status bar item: gxlint's errors and warnings in the current report; a click opens the Problems panel. */
import * as vscode from 'vscode';
import { LANGUAGES } from './settings';

export interface Counts {
    errors: number;
    warnings: number;
}

/** gxlint's diagnostics only (source "gxlint", or a GX code when a source is missing). */
export function isGxlintDiagnostic(d: vscode.Diagnostic): boolean {
    if (d.source) {
        return d.source === 'gxlint';
    }
    const code = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
    return typeof code === 'string' && /^GX\d+$/.test(code);
}

export function countDiagnostics(diagnostics: readonly vscode.Diagnostic[]): Counts {
    const counts: Counts = { errors: 0, warnings: 0 };
    for (const d of diagnostics) {
        if (!isGxlintDiagnostic(d)) {
            continue;
        }
        if (d.severity === vscode.DiagnosticSeverity.Error) {
            counts.errors += 1;
        } else if (d.severity === vscode.DiagnosticSeverity.Warning) {
            counts.warnings += 1;
        }
    }
    return counts;
}

export class StatusBar implements vscode.Disposable {
    private readonly item: vscode.StatusBarItem;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly isRunning: () => boolean) {
        this.item = vscode.window.createStatusBarItem('gxlint.status', vscode.StatusBarAlignment.Left, 50);
        this.item.name = 'gxlint';
        this.disposables.push(
            this.item,
            vscode.languages.onDidChangeDiagnostics(() => this.update()),
            vscode.window.onDidChangeActiveTextEditor(() => this.update()),
        );
        this.update();
    }

    update(): void {
        const doc = vscode.window.activeTextEditor?.document;
        if (!doc || !LANGUAGES.has(doc.languageId)) {
            this.item.hide();
            return;
        }
        if (!this.isRunning()) {
            this.item.text = '$(circle-slash) gxlint';
            this.item.tooltip = vscode.l10n.t('gxlint is not running. Click to show its output.');
            this.item.command = 'gxlint.showOutput';
            this.item.show();
            return;
        }
        const { errors, warnings } = countDiagnostics(vscode.languages.getDiagnostics(doc.uri));
        this.item.text = `$(error) ${errors} $(warning) ${warnings}`;
        this.item.tooltip = vscode.l10n.t('gxlint: {0} error(s), {1} warning(s) in this document. Click to open the Problems panel.', errors, warnings);
        this.item.command = 'workbench.actions.view.problems';
        this.item.show();
    }

    dispose(): void {
        for (const d of this.disposables) {
            d.dispose();
        }
    }
}
