/**
 * Lets Node scripts import app modules that use named imports from CommonJS packages Vite understands but
 * Node's ESM loader does not (`import { compressToEncodedURIComponent } from 'lz-string'` in
 * src/store/shareLink.ts). Registers a resolve hook that serves such a package as a small ESM module
 * re-exporting its CommonJS exports. Call before dynamically importing the app module.
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const PACKAGES = ['lz-string'];

export function registerCjsInterop(): void {
  const root = pathToFileURL(`${process.cwd()}/package.json`).href;
  const hooks = `
    const PACKAGES = ${JSON.stringify(PACKAGES)};
    const ROOT = ${JSON.stringify(root)};
    export async function resolve(specifier, context, next) {
      if (PACKAGES.includes(specifier) && !context.parentURL?.startsWith('data:')) {
        const shim = [
          "import { createRequire } from 'node:module';",
          'const m = createRequire(' + JSON.stringify(ROOT) + ')(' + JSON.stringify(specifier) + ');',
          'export default m;',
          ...Object.keys((await import('node:module')).createRequire(ROOT)(specifier)).map(
            (k) => 'export const ' + k + ' = m[' + JSON.stringify(k) + '];',
          ),
        ].join('\\n');
        return { url: 'data:text/javascript,' + encodeURIComponent(shim), shortCircuit: true };
      }
      return next(specifier, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
