/**
 * The workflows a team's repository gets: this repository's own, with every
 * reference to the action or a reusable workflow of this repository (`./`,
 * `./.github/workflows/<file>`) turned into a reference by full name and
 * version, and, on upgrade, every such reference moved to the new version.
 */
export const teamWorkflows = ['deploy.yml', 'promote.yml', 'checks.yml'] as const;

// A trailing comment (this repository's notes on its own `./`) goes with the local reference.
const localUses = /^(\s*(?:-\s+)?uses:\s+)\.\/(\.github\/workflows\/[\w.-]+\.ya?ml)?\s*(?:#.*)?$/gm;

/** This repository's own CLI (`node dist/cli.js`), which a team's repository does not hold. */
const localCli = /\bnode dist\/cli\.js\b/g;

export function versionedUses(text: string, engine: string, version: string): string {
  const uses = text.replace(localUses, (_line, prefix: string, workflow: string | undefined) => `${prefix}${engine}${workflow ? `/${workflow}` : ''}@${version}`);
  // The same version's CLI, fetched by npm from the engine's repository at the release's tag.
  return uses.replace(localCli, `npx --yes --package=github:${engine}#${version} airflow-gitops`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Moves `uses: <engine>[/.github/workflows/x.yml]@<from>` to `@<to>`; other references stay. */
export function retargetUses(text: string, engine: string, from: string, to: string): string {
  const pattern = new RegExp(`^(\\s*(?:-\\s+)?uses:\\s+${escapeRegExp(engine)}(?:/\\.github/workflows/[\\w.-]+\\.ya?ml)?@)${escapeRegExp(from)}(\\s*(?:#.*)?)$`, 'gm');
  return text.replace(pattern, (_line, prefix: string, rest: string) => `${prefix}${to}${rest}`);
}
