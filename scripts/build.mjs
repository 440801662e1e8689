// Bundles the two entry points into dist/ (what action.yml and the npm bin run).
// With --check, builds into a temporary folder and fails if dist/ differs, so a
// stale dist/ cannot be committed unnoticed.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const outdir = check ? mkdtempSync(join(tmpdir(), 'dist-')) : 'dist';

await build({
  entryPoints: { cli: 'src/cli.ts', action: 'src/action.ts' },
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  outdir,
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

if (check) {
  const stale = readdirSync(outdir).filter((name) => {
    const committed = join('dist', name);
    return !existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(join(outdir, name), 'utf8');
  });
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.join(', ')}): run 'npm run build' and commit dist/`);
    process.exit(1);
  }
}
