// Bundles the entry points into dist/ (what action.yml and the npm bin run)
// and copies beside them the WebAssembly files the DAG validator loads, so
// dist/ runs without node_modules, as on a GitHub runner. With --check, builds
// into a temporary folder and fails if dist/ differs, so a stale dist/ cannot
// be committed unnoticed.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleAssets, bundleEntryPoints } from '../src/dags/bundle-assets.ts';

const check = process.argv.includes('--check');
const outdir = check ? mkdtempSync(join(tmpdir(), 'dist-')) : 'dist';
// Chunks are named by their content: a rebuild starts from an empty dist/, so none of the last build's is left.
if (!check) rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

await build({
  // cli.js only turns on the compile cache and loads cli-main.js (see src/cli.ts).
  entryPoints: { cli: 'src/cli.ts', 'cli-main': 'src/cli-main.ts', action: 'src/action.ts', ...bundleEntryPoints },
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  // One chunk per lazily loaded command (src/commands/index.ts), so that a command
  // loads and compiles its own code only, not the Kubernetes or GitHub clients.
  splitting: true,
  outdir,
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

const require = createRequire(import.meta.url);
for (const asset of bundleAssets) copyFileSync(require.resolve(asset.from), join(outdir, asset.to));

if (check) {
  const stale = readdirSync(outdir).filter((name) => {
    const committed = join('dist', name);
    return !existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(outdir, name)));
  });
  const extra = readdirSync('dist').filter((name) => !existsSync(join(outdir, name)));
  if (stale.length > 0 || extra.length > 0) {
    console.error(`dist/ is stale (${[...stale, ...extra].join(', ')}): run 'npm run build' and commit dist/`);
    process.exit(1);
  }
}
