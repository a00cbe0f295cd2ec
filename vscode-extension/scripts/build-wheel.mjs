// `npm run package` (its first step): builds gxlint's wheel from the repository root into bundled/,
// which the .vsix carries (the one-click set-up installs it; no package index needs to list gxlint).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.join(here, '..');
const bundled = path.join(ext, 'bundled');
fs.rmSync(bundled, { recursive: true, force: true });
fs.mkdirSync(bundled, { recursive: true });
const python = process.env.PYTHON || (process.platform === 'win32' ? 'python' : 'python3');
execFileSync(python, ['-m', 'pip', 'wheel', '--no-deps', '-q', '-w', bundled, path.join(ext, '..')], {
    stdio: 'inherit',
});
const wheels = fs.readdirSync(bundled).filter((n) => /^gxlint-.+\.whl$/.test(n));
if (wheels.length !== 1) {
    throw new Error(`expected one gxlint wheel in ${bundled}, found: ${wheels.join(', ') || 'none'}`);
}
console.log(`bundled/${wheels[0]}`);
