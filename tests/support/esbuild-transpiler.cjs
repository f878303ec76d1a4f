// The transpiler of tap's TypeScript loader (ts-node, through tsconfig.json's "ts-node" section). ts-node's default
// runs TypeScript's own transpileModule on every file each test process imports, which cost several CPU-seconds per
// test file; esbuild does the same per-file transform (types stripped, nothing checked: `npm run typecheck` runs
// before the tests) in milliseconds. Source maps go back to ts-node, which inlines them, so coverage still maps to
// the .ts sources.
'use strict'
const { transformSync } = require('esbuild')

exports.create = function create ({ nodeModuleEmitKind }) {
  return {
    transpile (input, { fileName }) {
      const result = transformSync(input, {
        loader: fileName.endsWith('.tsx') ? 'tsx' : 'ts',
        format: nodeModuleEmitKind === 'nodecjs' ? 'cjs' : 'esm',
        platform: 'node',
        target: 'node20',
        sourcemap: 'external',
        sourcefile: fileName,
        // What tsconfig.json's target (ES2022) implies for class fields, as tsc compiles them.
        tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } }
      })
      return { outputText: result.code, sourceMapText: result.map }
    }
  }
}
