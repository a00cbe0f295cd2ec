/** `node --require` this: `require('vscode')` then loads ./vscode-stub instead of the editor's API. */
import Module from 'module';
import * as path from 'path';

const stubPath = path.join(__dirname, 'vscode-stub.js');
const mod = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = mod._resolveFilename;
mod._resolveFilename = function (request: string, ...rest: unknown[]): string {
    if (request === 'vscode') {
        return stubPath;
    }
    return original.call(this, request, ...rest);
};
