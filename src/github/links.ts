/**
 * Links to a file at one commit on GitHub (the blob view, at a line), for the
 * job summary: a reader of a run sees the code the run checked, even after
 * the branch moved on.
 */
export type FileLinker = (path: string, line: number) => string;

/** Each segment percent-encoded, parentheses too, so the URL cannot end a Markdown link early. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replaceAll('(', '%28').replaceAll(')', '%29'))
    .join('/');
}

/** A linker for the run's repository and commit, or undefined outside a workflow run. */
export function commitFileLinker(env: NodeJS.ProcessEnv): FileLinker | undefined {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const repository = env.GITHUB_REPOSITORY;
  const commit = env.GITHUB_SHA;
  if (!repository || !/^[^/\s]+\/[^/\s]+$/.test(repository) || !commit || !/^[0-9a-f]{40}$/i.test(commit) || !/^https?:\/\/[^\s()]+$/.test(server)) return undefined;
  const base = `${server.replace(/\/+$/, '')}/${repository.split('/').map(encodeURIComponent).join('/')}/blob/${commit.toLowerCase()}`;
  return (path, line) => `${base}/${encodePath(path)}#L${line}`;
}
