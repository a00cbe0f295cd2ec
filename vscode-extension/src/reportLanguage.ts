/**
 * The report language, `gxreport` ("年度报告" / "Annual report (gxlint)"): what the extension creates
 * is in it, and so is a report typed or snippet-inserted into an untitled file — VS Code's language
 * detection switches an untitled plain-text document whose text looks like something else ("Ini"
 * for the skeleton's `a | b |` rows) and gxlint would stop checking it; a language set explicitly is
 * one that detection leaves alone. Saved files named `*年度报告*.txt` open in it (package.json's
 * filenamePatterns); other .txt and .md files stay plain text and Markdown, and are checked as before.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

export const REPORT_LANGUAGE = 'gxreport';

/** A report's title near the top: "…政府信息公开工作年度报告" (the skeleton's first line). */
const TITLE = /政府信息公开(?:工作)?年度报告/;

/** Whether `text` starts like an annual report (its title in the first 2000 characters). */
export function looksLikeReport(text: string): boolean {
    return TITLE.test(text.slice(0, 2000));
}

/** Languages a user picks for a report on purpose: an untitled document in them keeps them. */
const KEPT = new Set([REPORT_LANGUAGE, 'markdown', 'html']);

/**
 * Whether an untitled document should be put into the report language: it is untitled, looks like a
 * report, is in none of the languages kept, and was not adopted before (`seen`: once per document,
 * so a language the user picks afterwards — even "Ini" — stays).
 */
export function shouldAdopt(doc: { uri: { scheme: string; toString(): string }; languageId: string; getText(): string }, seen: Set<string>): boolean {
    if (doc.uri.scheme !== 'untitled' || KEPT.has(doc.languageId) || seen.has(doc.uri.toString())) {
        return false;
    }
    return looksLikeReport(doc.getText());
}

// eslint-disable-next-line no-control-regex -- control characters are what is left out
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * The file name a new report is proposed under: its first non-empty line (the title, e.g.
 * "某市某局2025年政府信息公开工作年度报告"), without characters no file name may hold, at most 80
 * characters, with `.txt` (which the CLI and the server check, and which opens in the report language
 * when the name has 年度报告 in it); "年度报告.txt" when there is no title. `taken(name)`: a name
 * already used (a file on disk, an open document) — then "…-2.txt", "…-3.txt", ….
 */
export function proposedReportName(text: string, taken: (name: string) => boolean): string {
    const first = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
    let stem = first.replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
    if (stem.length > 80) {
        stem = stem.slice(0, 80).trim();
    }
    if (!stem) {
        stem = '年度报告';
    }
    let name = `${stem}.txt`;
    for (let n = 2; taken(name) && n < 1000; n++) {
        name = `${stem}-${n}.txt`;
    }
    return name;
}

/** The untitled documents put into the report language (by the new-report command or {@link adoptUntitledReports}). */
const adopted = new Set<string>();

/**
 * Opens `text` (the skeleton "gxlint: New Report" got from the server) in a new untitled editor in
 * the report language, whose Save proposes {@link proposedReportName} in the first workspace folder
 * (the user's home without one).
 */
export async function openNewReport(text: string): Promise<vscode.TextEditor> {
    const dir = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath ?? os.homedir();
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.fsPath));
    const name = proposedReportName(text, (n) => {
        const p = path.join(dir, n);
        return open.has(p) || fs.existsSync(p);
    });
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, name)).with({ scheme: 'untitled' }));
    adopted.add(doc.uri.toString()); // in the report language from the start: a language picked later stays
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), text));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    if (doc.languageId !== REPORT_LANGUAGE) {
        await vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE);
    }
    return editor;
}

/**
 * Puts an untitled document that turns out to be a report (the `gxreport` snippet, a pasted
 * report) into the report language once — before, or after, VS Code's language detection.
 */
export function adoptUntitledReports(log: { info(message: string): void }): vscode.Disposable {
    const seen = adopted;
    const consider = (doc: vscode.TextDocument): void => {
        if (!shouldAdopt(doc, seen)) {
            return;
        }
        seen.add(doc.uri.toString());
        log.info(`${doc.uri.toString()} (${doc.languageId}) is a report: its language is now ${REPORT_LANGUAGE}`);
        vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE).then(undefined, (err: unknown) => {
            log.info(`Could not set the report language on ${doc.uri.toString()}: ${String(err)}`);
        });
    };
    vscode.workspace.textDocuments.forEach(consider);
    return vscode.Disposable.from(
        vscode.workspace.onDidOpenTextDocument(consider),
        vscode.workspace.onDidChangeTextDocument((e) => consider(e.document)),
        vscode.workspace.onDidCloseTextDocument((doc) => {
            // a language change closes and reopens the document under the same URI: keep the mark
            // while it is open under some language, drop it when the untitled document is gone
            setTimeout(() => {
                if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === doc.uri.toString())) {
                    seen.delete(doc.uri.toString());
                }
            }, 1000);
        }),
    );
}
