/** The manifest, its translations and the runtime messages agree with each other and with the code. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildServerSettings, RESTART_KEYS } from '../../src/settings';

const root = path.join(__dirname, '..', '..', '..');
const read = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));

interface Manifest {
    main: string;
    l10n: string;
    engines: { vscode: string };
    dependencies: Record<string, string>;
    activationEvents: string[];
    contributes: {
        commands: { command: string; title: string }[];
        configuration: { properties: Record<string, Record<string, unknown>> };
    };
}
const manifest = read('package.json') as Manifest;
const nls = read('package.nls.json') as Record<string, string>;
const nlsZh = read('package.nls.zh-cn.json') as Record<string, string>;

/** Every %key% placeholder used in the manifest. */
function placeholders(value: unknown, out: string[] = []): string[] {
    if (typeof value === 'string') {
        const m = /^%(.+)%$/.exec(value);
        if (m?.[1]) {
            out.push(m[1]);
        }
    } else if (Array.isArray(value)) {
        value.forEach((v) => placeholders(v, out));
    } else if (value && typeof value === 'object') {
        Object.values(value).forEach((v) => placeholders(v, out));
    }
    return out;
}

test('every %placeholder% of the manifest is in package.nls.json and package.nls.zh-cn.json, and nothing else', () => {
    const used = new Set(placeholders(manifest));
    for (const key of used) {
        assert.ok(nls[key], `package.nls.json: ${key}`);
        assert.ok(nlsZh[key], `package.nls.zh-cn.json: ${key}`);
        assert.match(nlsZh[key] ?? '', /[\u4e00-\u9fff]/, `zh-cn text for ${key} is Chinese`);
    }
    assert.deepEqual(Object.keys(nls).sort(), [...used].sort());
    assert.deepEqual(Object.keys(nlsZh).sort(), [...used].sort());
});

test('the settings the issue asks for are contributed, each with a description', () => {
    const props = manifest.contributes.configuration.properties;
    for (const key of ['enable', 'path', 'interpreter', 'select', 'ignore', 'severity', 'lang', 'run', 'lintAllDocuments', 'trace.server', ...RESTART_KEYS]) {
        const p = props[`gxlint.${key}`];
        assert.ok(p, `gxlint.${key}`);
        assert.ok(p.markdownDescription ?? p.description, `gxlint.${key} has a description`);
    }
    assert.deepEqual(props['gxlint.lang']?.enum, ['auto', 'zh', 'en']);
    assert.deepEqual(props['gxlint.run']?.enum, ['onType', 'onSave']);
});

test('every key the server receives is a contributed setting and is in the README', () => {
    const props = manifest.contributes.configuration.properties;
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const sent = Object.keys(buildServerSettings(() => undefined, 'en').settings);
    for (const key of sent) {
        assert.ok(props[`gxlint.${key}`], `package.json contributes gxlint.${key}`);
        assert.ok(props[`gxlint.${key}`]?.scope, `gxlint.${key} has a scope`);
        assert.ok(readme.includes(`| \`gxlint.${key}\` |`), `README settings table lists gxlint.${key}`);
        assert.ok(readme.includes(`| \`${key}\` |`), `README "What the server receives" lists ${key}`);
    }
    // with nothing set, what is sent is the manifest's default (lang: "auto" is resolved to "zh")
    const defaults = buildServerSettings((k) => props[`gxlint.${k}`]?.default, 'en').settings;
    assert.deepEqual(defaults, buildServerSettings(() => undefined, 'en').settings);
    // the README example is exactly the object sent with nothing configured
    const example = /For example, with VS Code in Chinese and nothing configured:\s*```json\n([\s\S]*?)```/.exec(readme);
    assert.ok(example?.[1], 'README example');
    assert.deepEqual(JSON.parse(example[1]), defaults);
});

test('the commands the extension registers are contributed', () => {
    const src = fs.readFileSync(path.join(root, 'src', 'extension.ts'), 'utf8');
    // gxlint.newReport is the server's command (executeCommandProvider), registered by the language
    // client; the palette entry is contributed, and client.ts asks the year before running it
    const registered = [...src.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).concat(['gxlint.newReport']).sort();
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), registered);
});

test('every runtime message has a Chinese translation in l10n/bundle.l10n.zh-cn.json', () => {
    const bundle = read(path.join(manifest.l10n, 'bundle.l10n.zh-cn.json')) as Record<string, string>;
    const messages = new Set<string>();
    for (const f of fs.readdirSync(path.join(root, 'src'))) {
        const s = fs.readFileSync(path.join(root, 'src', f), 'utf8');
        for (const m of s.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
            messages.add((m[1] ?? '').replace(/\\(.)/g, '$1'));
        }
    }
    assert.ok(messages.size >= 5, `found ${messages.size} messages`);
    for (const msg of messages) {
        const zh = bundle[msg];
        assert.ok(zh, `no translation for: ${msg}`);
        assert.match(zh, /[\u4e00-\u9fff]/);
        for (const ph of msg.match(/\{\d+\}/g) ?? []) {
            assert.ok(zh.includes(ph), `translation keeps ${ph}: ${msg}`);
        }
    }
    assert.deepEqual(Object.keys(bundle).filter((k) => !messages.has(k)), [], 'no stale translations');
});

test('engines.vscode is no lower than what vscode-languageclient needs', () => {
    const client = JSON.parse(
        fs.readFileSync(path.join(root, 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8'),
    ) as { engines: { vscode: string }; version: string };
    const floor = (range: string): number[] => (/(\d+)\.(\d+)\.(\d+)/.exec(range) ?? []).slice(1).map(Number);
    const [a1 = 0, a2 = 0] = floor(manifest.engines.vscode);
    const [b1 = 0, b2 = 0] = floor(client.engines.vscode);
    assert.ok(a1 > b1 || (a1 === b1 && a2 >= b2), `extension ${manifest.engines.vscode} vs vscode-languageclient ${client.version} ${client.engines.vscode}`);
    const types = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')) as { version: string };
    const [t1 = 0, t2 = 0] = floor(types.version);
    assert.ok(t1 < a1 || (t1 === a1 && t2 <= a2), `@types/vscode ${types.version} must not be newer than engines.vscode ${manifest.engines.vscode}`);
});

test('activates on the documents it serves, in a folder holding a file named …年度报告… (its closed reports are checked too), and when VS Code asks for its MCP server (gxlint.mcp.enable)', () => {
    assert.deepEqual(manifest.activationEvents.sort(), ['onLanguage:gxreport', 'onLanguage:html', 'onLanguage:markdown', 'onLanguage:plaintext', 'onMcpCollection:gxlint.mcp', 'workspaceContains:**/*年度报告*']);
});

test('gxlint.path and gxlint.interpreter have a scope User settings count under in a remote window (code-server, SSH, WSL)', () => {
    // VS Code reads a remote window's local User settings with LOCAL_MACHINE_SCOPES: "machine" and
    // "machine-overridable" values there are ignored (only the Remote tab would count)
    const props = manifest.contributes.configuration.properties;
    for (const key of ['gxlint.path', 'gxlint.interpreter']) {
        assert.equal(props[key]?.scope, 'resource', key);
    }
});
