// Builds the extension (dist/extension.js, one CommonJS bundle; `vscode` is provided by the editor)
// or, with --tests, transpiles src/ and test/ file by file into out-test/ for node's test runner.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

if (tests) {
    rmSync('out-test', { recursive: true, force: true });
    await esbuild.build({
        entryPoints: ['src/**/*.ts', 'test/**/*.ts'],
        outdir: 'out-test',
        outbase: '.',
        bundle: false,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        sourcemap: 'inline',
        logLevel: 'warning',
    });
} else {
    rmSync('dist', { recursive: true, force: true });
    await esbuild.build({
        entryPoints: ['src/extension.ts'],
        outfile: 'dist/extension.js',
        bundle: true,
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        external: ['vscode'],
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        logLevel: 'warning',
    });
}
