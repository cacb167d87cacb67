/**
 * Loads CommonJS files the way an edge library is allowed to use them: a fresh module instance per
 * loader (no shared `require.cache`, so module-level state such as a token cache or the engine's
 * registry never leaks between runs) and only relative requires, as Adobe's edge and packager
 * allow. A library that reaches for a Node built-in or an npm package fails here, not in Adobe.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import vm from 'node:vm';

interface CommonJsModule {
  exports: unknown;
}

/** Values that shadow globals inside the loaded file only (e.g. a `setTimeout` that unrefs). */
export type ScopedGlobals = Record<string, unknown>;

const RELATIVE = /^\.\.?\//;

export function createCommonJsLoader(scopedGlobals: ScopedGlobals = {}): (file: string) => unknown {
  const cache = new Map<string, CommonJsModule>();
  const globalNames = Object.keys(scopedGlobals);

  const load = (file: string): unknown => {
    const cached = cache.get(file);
    if (cached) return cached.exports;
    const module: CommonJsModule = { exports: {} };
    cache.set(file, module);
    const requireRelative = (specifier: string): unknown => {
      if (!RELATIVE.test(specifier)) {
        throw new Error(
          `${file} requires "${specifier}": edge library modules may only require files of their own extension by a relative path.`
        );
      }
      const target = resolve(dirname(file), specifier);
      return load(/\.(js|cjs)$/.test(target) ? target : `${target}.js`);
    };
    const wrapper = vm.runInThisContext(
      `(function (exports, require, module, __filename, __dirname${globalNames.map((name) => `, ${name}`).join('')}) {${readFileSync(file, 'utf8')}\n})`,
      { filename: file }
    ) as (...args: unknown[]) => void;
    wrapper(module.exports, requireRelative, module, file, dirname(file), ...globalNames.map((name) => scopedGlobals[name]));
    return module.exports;
  };
  return load;
}
