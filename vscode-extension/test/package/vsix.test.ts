/**
 * Builds the .vsix the way `npm run package` does (vsce, no node_modules: everything is bundled)
 * into a temporary folder and checks what is inside: only what the extension needs, and the
 * manifest's entry point among it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import * as vm from 'node:vm';
import * as yauzl from 'yauzl';

const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    main: string;
    scripts: Record<string, string>;
};

let tmp = '';
let vsix = '';
const entries = new Map<string, Buffer>();

function readZip(file: string): Promise<Map<string, Buffer>> {
    return new Promise((resolve, reject) => {
        const out = new Map<string, Buffer>();
        yauzl.open(file, { lazyEntries: true }, (err, zip) => {
            if (err) {
                reject(err);
                return;
            }
            zip.on('error', reject);
            zip.on('end', () => resolve(out));
            zip.on('entry', (entry: yauzl.Entry) => {
                zip.openReadStream(entry, (e, stream) => {
                    if (e) {
                        reject(e);
                        return;
                    }
                    const chunks: Buffer[] = [];
                    stream.on('data', (c: Buffer) => chunks.push(c));
                    stream.on('end', () => {
                        out.set(entry.fileName, Buffer.concat(chunks));
                        zip.readEntry();
                    });
                });
            });
            zip.readEntry();
        });
    });
}

before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gxlint-vsix-'));
    vsix = path.join(tmp, `${manifest.name}-${manifest.version}.vsix`);
    // the same commands as `npm run package`, with the output in the temporary folder: gxlint's
    // wheel into bundled/, then vsce (one script, not a prepackage hook: .npmrc's ignore-scripts
    // would skip the hook and the .vsix would come out without the wheel)
    assert.equal(manifest.scripts.package, 'node scripts/build-wheel.mjs && vsce package --no-dependencies');
    assert.equal(manifest.scripts.prepackage, undefined);
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-wheel.mjs')], { cwd: root, stdio: 'pipe' });
    execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], {
        cwd: root,
        stdio: 'pipe',
    });
    for (const [k, v] of await readZip(vsix)) {
        entries.set(k, v);
    }
});

after(() => {
    if (tmp) {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
});

test('the .vsix holds only what the extension needs', () => {
    const wheels = [...entries.keys()].filter((k) => k.startsWith('extension/bundled/'));
    assert.equal(wheels.length, 1, `one bundled wheel: ${wheels.join(', ')}`);
    assert.match(wheels[0] ?? '', /^extension\/bundled\/gxlint-\d[^/]*-py3-none-any\.whl$/);
    assert.deepEqual([...entries.keys()].filter((k) => !wheels.includes(k)).sort(), [
        '[Content_Types].xml',
        'extension.vsixmanifest',
        'extension/LICENSE.txt',
        'extension/changelog.md',
        'extension/dist/extension.js',
        'extension/images/gxreport-dark.svg',
        'extension/images/gxreport-light.svg',
        'extension/l10n/bundle.l10n.zh-cn.json',
        'extension/package.json',
        'extension/package.nls.json',
        'extension/package.nls.zh-cn.json',
        'extension/readme.md',
        'extension/snippets/gxreport.code-snippets',
    ]);
});

test("the manifest's entry point is inside it, bundled, needing only vscode and node's own modules", () => {
    const inner = JSON.parse(entries.get('extension/package.json')?.toString('utf8') ?? '{}') as { main?: string };
    assert.equal(inner.main, manifest.main);
    const main = path.posix.join('extension', path.posix.normalize(inner.main ?? ''));
    const bundle = entries.get(main.endsWith('.js') ? main : `${main}.js`);
    assert.ok(bundle, `${main} is in the .vsix`);
    const code = bundle.toString('utf8');
    const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? ''));
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const foreign = [...required].filter((m) => m !== 'vscode' && !builtins.has(m));
    assert.deepEqual(foreign, [], 'everything else is bundled');
    assert.ok(required.has('vscode'));
    assert.match(code, /activate/);
    assert.match(code, /gxlint/);
});

/** Something that answers every property access, call and `new` — a stand-in for any vscode API value. */
function anything(name: string): unknown {
    const fn = function () {
        /* never called */
    };
    return new Proxy(fn, {
        get: (_t, p) => (p === 'then' ? undefined : p === Symbol.toPrimitive ? () => name : anything(`${name}.${String(p)}`)),
        apply: () => anything(`${name}()`),
        construct: () => anything(`new ${name}`) as object,
    });
}

test('the bundle from the .vsix loads against the vscode API of engines.vscode and exports activate/deactivate', () => {
    // the top-level names of the API (namespaces, classes, enums …) as @types/vscode declares them
    const dts = fs.readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
    const api: Record<string, unknown> = {};
    for (const m of dts.matchAll(/^\texport (?:namespace|class|enum|const|function|let) (\w+)/gm)) {
        api[m[1] ?? ''] = anything(m[1] ?? '');
    }
    assert.ok('DiagnosticSeverity' in api && 'workspace' in api && 'l10n' in api);
    const dir = fs.mkdtempSync(path.join(tmp, 'unpacked-'));
    const file = path.join(dir, 'extension.js');
    fs.writeFileSync(file, entries.get('extension/dist/extension.js') ?? '');
    // what node's CommonJS loader does, with `vscode` resolved to the stand-in
    const wrapped = `(function (require, module, exports, __filename, __dirname) {${fs.readFileSync(file, 'utf8')}\n})`;
    const load = vm.runInThisContext(wrapped, { filename: file }) as (
        req: (id: string) => unknown,
        module: { exports: Record<string, unknown> },
        exports: Record<string, unknown>,
        filename: string,
        dirname: string,
    ) => void;
    const nodeRequire = createRequire(file);
    const mod = { exports: {} as Record<string, unknown> };
    const req = (id: string): unknown => {
        if (id === 'vscode') {
            return api;
        }
        assert.ok(builtinModules.includes(id.replace(/^node:/, '')), `the bundle requires ${id}`);
        return nodeRequire(id);
    };
    load(req, mod, mod.exports, file, dir);
    assert.equal(typeof mod.exports.activate, 'function');
    assert.equal(typeof mod.exports.deactivate, 'function');
});

test('the vsix manifest names the extension and its version', () => {
    const xml = entries.get('extension.vsixmanifest')?.toString('utf8') ?? '';
    assert.match(xml, new RegExp(`Id="${manifest.name}"[^>]*Version="${manifest.version.replace(/\./g, '\\.')}"|Version="${manifest.version.replace(/\./g, '\\.')}"[^>]*Id="${manifest.name}"`));
    const size = fs.statSync(vsix).size;
    assert.ok(size < 2 * 1024 * 1024, `the .vsix is ${size} bytes`);
});
