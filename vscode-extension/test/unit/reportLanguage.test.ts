/** The report language: which untitled documents are put into it, and the name a new report is proposed under. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { looksLikeReport, proposedReportName, REPORT_LANGUAGE, shouldAdopt } from '../../src/reportLanguage';
import { DOCUMENT_SELECTOR, LANGUAGES } from '../../src/settings';

const root = path.join(__dirname, '..', '..', '..');
const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets', 'gxreport.code-snippets'), 'utf8')) as Record<string, { body: string[]; scope: string }>;
// the skeleton as the snippet inserts it (its placeholders' default text)
const skeleton = (Object.values(snippets)[0]?.body.join('\n') ?? '').replace(/\$\{\d+:([^}]*)\}/g, '$1');

function doc(scheme: string, languageId: string, text: string, uri = `${scheme}:Untitled-1`) {
    return { uri: { scheme, toString: () => uri }, languageId, getText: () => text };
}

describe('shouldAdopt: an untitled document that is a report goes into the report language, once', () => {
    test('the gxreport snippet in an untitled plain-text file, or after detection made it "ini"', () => {
        assert.equal(shouldAdopt(doc('untitled', 'plaintext', skeleton), new Set()), true);
        assert.equal(shouldAdopt(doc('untitled', 'ini', skeleton), new Set()), true);
    });
    test('once per document: a language the user picks afterwards stays', () => {
        const seen = new Set(['untitled:Untitled-1']);
        assert.equal(shouldAdopt(doc('untitled', 'ini', skeleton), seen), false);
    });
    test('not: saved files, text that is no report, Markdown/HTML drafts, documents already in it', () => {
        assert.equal(shouldAdopt(doc('file', 'plaintext', skeleton, 'file:///r.txt'), new Set()), false);
        assert.equal(shouldAdopt(doc('untitled', 'plaintext', '购物清单\n苹果 | 3 |\n'), new Set()), false);
        assert.equal(shouldAdopt(doc('untitled', 'markdown', skeleton), new Set()), false);
        assert.equal(shouldAdopt(doc('untitled', 'html', skeleton), new Set()), false);
        assert.equal(shouldAdopt(doc('untitled', REPORT_LANGUAGE, skeleton), new Set()), false);
    });
    test('the title is looked for near the top only', () => {
        assert.equal(looksLikeReport('某县2024年政府信息公开年度报告\n'), true);
        assert.equal(looksLikeReport(`${'说明。\n'.repeat(1000)}某县2024年政府信息公开工作年度报告`), false);
    });
});

describe('proposedReportName', () => {
    test('the title with .txt — the name matches the report language\'s file pattern', () => {
        const name = proposedReportName(skeleton, () => false);
        assert.equal(name, '某市某局2025年政府信息公开工作年度报告.txt');
        assert.match(name, /^.*年度报告.*\.txt$/);
    });
    test('a name in use gets -2, -3…', () => {
        const used = new Set(['某局年度报告.txt', '某局年度报告-2.txt']);
        assert.equal(proposedReportName('某局年度报告\n', (n) => used.has(n)), '某局年度报告-3.txt');
    });
    test('characters no file name may hold are left out; an empty or long title is handled', () => {
        assert.equal(proposedReportName('\n  某局/某处:2025*年度报告?  \n', () => false), '某局某处2025年度报告.txt');
        assert.equal(proposedReportName('', () => false), '年度报告.txt');
        assert.equal(proposedReportName('局'.repeat(200), () => false), `${'局'.repeat(80)}.txt`);
    });
});

describe('the manifest', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        activationEvents: string[];
        contributes: { languages: { id: string; aliases: string[]; filenamePatterns: string[]; extensions?: string[]; icon: Record<string, string> }[]; snippets: { language: string }[] };
    };
    const lang = manifest.contributes.languages.find((l) => l.id === REPORT_LANGUAGE);
    test('contributes the report language with a name, file patterns that do not take every .txt, and an icon', () => {
        assert.ok(lang);
        assert.equal(lang.aliases[0], '%language.gxreport%');
        assert.deepEqual(lang.extensions ?? [], []);
        for (const p of lang.filenamePatterns) {
            assert.match(p, /年度报告/, `${p} is only for reports`);
        }
        for (const icon of Object.values(lang.icon)) {
            assert.ok(fs.existsSync(path.join(root, icon)), icon);
        }
        assert.ok(manifest.activationEvents.includes(`onLanguage:${REPORT_LANGUAGE}`));
    });
    test('the snippet is bound to it (and still to plain text and Markdown); the client selects it', () => {
        assert.deepEqual(manifest.contributes.snippets.map((s) => s.language).sort(), ['gxreport', 'markdown', 'plaintext']);
        for (const s of Object.values(snippets)) {
            assert.deepEqual(s.scope.split(',').sort(), ['gxreport', 'markdown', 'plaintext']);
        }
        for (const scheme of ['file', 'untitled']) {
            assert.ok(DOCUMENT_SELECTOR.some((d) => d.scheme === scheme && d.language === REPORT_LANGUAGE), scheme);
        }
        assert.ok(LANGUAGES.has(REPORT_LANGUAGE));
    });
});
