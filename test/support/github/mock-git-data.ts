/**
 * The git database endpoints of the mock GitHub (blobs, trees, commits, refs,
 * a file's contents), backed by a real bare repository, so that a commit made
 * through the API can be fetched, diffed and checked out with git afterwards.
 * What it does not do: sign commits (GitHub signs commits made through the
 * API without an author; the mock only reports them as verified), trees with
 * deletions or submodules, symbolic refs, or anything but refs/heads/*.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Json = Record<string, unknown>;
export type HandlerResult = { status: number; body: unknown; headers?: Record<string, string> };
export type HandlerInput = { path: Record<string, string>; query: Record<string, string>; body: unknown };
export type Handler = (input: HandlerInput) => HandlerResult;

/** A refusal the mock answers with, as GitHub would. */
export class MockRefusal extends Error {
  readonly status: number;
  readonly body: Json;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
    this.body = { message, documentation_url: 'https://docs.github.com/rest', status: String(status) };
  }
}

const identity = { GIT_AUTHOR_NAME: 'GitHub', GIT_AUTHOR_EMAIL: 'noreply@github.com', GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.com' };

type BareRepository = ReturnType<typeof bareRepository>;

/** git on the bare repository, and GitHub's objects built from what it holds. */
function bareRepository(gitDir: string, api: () => string, fullName: string) {
  const git = (args: string[], input?: string, env: NodeJS.ProcessEnv = {}) =>
    execFileSync('git', args, { env: { PATH: process.env.PATH, GIT_DIR: gitDir, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...identity, ...env }, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
  const exists = (object: string, type: string) => {
    try {
      return git(['cat-file', '-t', object]) === type;
    } catch {
      return false;
    }
  };
  const repoUrl = () => `${api()}/repos/${fullName}`;
  const person = (line: string) => {
    const match = /^(.*) <(.*)> (\d+) [-+]\d{4}$/.exec(line) as RegExpExecArray;
    return { name: match[1] as string, email: match[2] as string, date: new Date(Number(match[3]) * 1000).toISOString().replace(/\.\d+Z$/, 'Z') };
  };
  const commitObject = (sha: string): Json => {
    const raw = git(['cat-file', 'commit', sha]);
    const [header, ...message] = raw.split('\n\n');
    const fields = (header as string).split('\n');
    const value = (name: string) => fields.filter((f) => f.startsWith(`${name} `)).map((f) => f.slice(name.length + 1));
    return {
      sha,
      node_id: `C_${sha.slice(0, 12)}`,
      url: `${repoUrl()}/git/commits/${sha}`,
      html_url: `https://github.com/${fullName}/commit/${sha}`,
      author: person(value('author')[0] as string),
      committer: person(value('committer')[0] as string),
      message: message.join('\n\n'),
      tree: { sha: value('tree')[0], url: `${repoUrl()}/git/trees/${value('tree')[0]}` },
      parents: value('parent').map((p) => ({ sha: p, url: `${repoUrl()}/git/commits/${p}`, html_url: `https://github.com/${fullName}/commit/${p}` })),
      // Made by GitHub itself: the mock cannot sign, it reports what GitHub would.
      verification: { verified: value('committer')[0]?.startsWith('GitHub ') === true, reason: 'valid', signature: null, payload: null, verified_at: null },
    };
  };
  const refObject = (name: string): Json => {
    const sha = git(['rev-parse', '--verify', `refs/${name}`]);
    return { ref: `refs/${name}`, node_id: `REF_${name}`, url: `${repoUrl()}/git/refs/${name}`, object: { type: 'commit', sha, url: `${repoUrl()}/git/commits/${sha}` } };
  };
  const headRef = (ref: string) => {
    if (!/^heads\/[A-Za-z0-9._/-]+$/.test(ref)) throw new MockRefusal(422, 'Invalid request: the mock knows only refs/heads/*');
    return ref;
  };
  const refExists = (ref: string) => {
    try {
      git(['rev-parse', '--verify', '--quiet', `refs/${ref}`]);
      return true;
    } catch {
      return false;
    }
  };
  return { gitDir, fullName, git, exists, repoUrl, commitObject, refObject, headRef, refExists };
}

function refHandlers({ git, exists, refObject, headRef, refExists }: BareRepository): Record<string, Handler> {
  return {
    'GET /repos/{owner}/{repo}/git/ref/{ref}': ({ path }) => {
      const ref = headRef(path.ref as string);
      if (!refExists(ref)) throw new MockRefusal(404, 'Not Found');
      return { status: 200, body: refObject(ref) };
    },
    'POST /repos/{owner}/{repo}/git/refs': ({ body }) => {
      const { ref, sha } = body as { ref: string; sha: string };
      const name = headRef(ref.replace(/^refs\//, ''));
      if (!exists(sha, 'commit')) throw new MockRefusal(422, 'Object does not exist');
      if (refExists(name)) throw new MockRefusal(422, 'Reference already exists');
      git(['update-ref', `refs/${name}`, sha, '']);
      return { status: 201, body: refObject(name) };
    },
    'PATCH /repos/{owner}/{repo}/git/refs/{ref}': ({ path, body }) => {
      const name = headRef(path.ref as string);
      const { sha, force } = body as { sha: string; force?: boolean };
      if (!refExists(name)) throw new MockRefusal(422, 'Reference does not exist');
      if (!exists(sha, 'commit')) throw new MockRefusal(422, 'Object does not exist');
      const current = git(['rev-parse', `refs/${name}`]);
      let fastForward = true;
      try {
        git(['merge-base', '--is-ancestor', current, sha]);
      } catch {
        fastForward = false;
      }
      if (!fastForward && force !== true) throw new MockRefusal(422, 'Update is not a fast forward');
      git(['update-ref', `refs/${name}`, sha, current]);
      return { status: 200, body: refObject(name) };
    },
  };
}

function objectHandlers({ git, exists, repoUrl, commitObject }: BareRepository): Record<string, Handler> {
  return {
    'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': ({ path }) => {
      if (!exists(path.commit_sha as string, 'commit')) throw new MockRefusal(404, 'Not Found');
      return { status: 200, body: commitObject(path.commit_sha as string) };
    },
    'POST /repos/{owner}/{repo}/git/blobs': ({ body }) => {
      const { content, encoding } = body as { content: string; encoding?: string };
      const bytes = encoding === 'base64' ? Buffer.from(content, 'base64').toString('utf8') : content;
      const sha = git(['hash-object', '-w', '--stdin'], bytes);
      return { status: 201, body: { url: `${repoUrl()}/git/blobs/${sha}`, sha } };
    },
    'POST /repos/{owner}/{repo}/git/trees': ({ body }) => {
      const { base_tree: base, tree } = body as { base_tree?: string; tree: { path: string; mode: string; type: string; sha?: string | null }[] };
      const scratch = mkdtempSync(join(tmpdir(), 'mock-github-index-'));
      try {
        const env = { GIT_INDEX_FILE: join(scratch, 'index') };
        if (base !== undefined) git(['read-tree', base], undefined, env);
        for (const entry of tree) {
          if (entry.type !== 'blob' || typeof entry.sha !== 'string' || !exists(entry.sha, 'blob')) throw new MockRefusal(422, `tree.sha ${String(entry.sha)} is not a valid blob`);
          git(['update-index', '--add', '--cacheinfo', `${entry.mode},${entry.sha},${entry.path}`], undefined, env);
        }
        const sha = git(['write-tree'], undefined, env);
        const entries = git(['ls-tree', sha]).split('\n').filter(Boolean).map((line) => {
          const [meta, name] = line.split('\t') as [string, string];
          const [mode, type, object] = meta.split(' ') as [string, string, string];
          return { path: name, mode, type, sha: object, url: `${repoUrl()}/git/${type}s/${object}` };
        });
        return { status: 201, body: { sha, url: `${repoUrl()}/git/trees/${sha}`, truncated: false, tree: entries } };
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    'POST /repos/{owner}/{repo}/git/commits': ({ body }) => {
      const { message, tree, parents, author } = body as { message: string; tree: string; parents: string[]; author?: { name: string; email: string } };
      if (!exists(tree, 'tree')) throw new MockRefusal(422, 'Tree SHA does not exist');
      for (const parent of parents) if (!exists(parent, 'commit')) throw new MockRefusal(422, 'Parent SHA does not exist or is not a commit object');
      const who = author === undefined ? {} : { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email };
      const sha = git(['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], message, who);
      return { status: 201, body: commitObject(sha) };
    },
  };
}

function contentHandlers({ git, gitDir, fullName, repoUrl }: BareRepository): Record<string, Handler> {
  return {
    'GET /repos/{owner}/{repo}/contents/{path}': ({ path, query }) => {
      const at = query.ref ?? 'refs/heads/main';
      let sha: string;
      try {
        sha = git(['rev-parse', '--verify', `${at}:${path.path}`]);
      } catch {
        throw new MockRefusal(404, 'Not Found');
      }
      const raw = execFileSync('git', ['cat-file', 'blob', sha], { env: { PATH: process.env.PATH, GIT_DIR: gitDir } });
      const url = `${repoUrl()}/contents/${path.path}?ref=${at}`;
      const name = (path.path as string).split('/').at(-1) as string;
      const links = { self: url, git: `${repoUrl()}/git/blobs/${sha}`, html: `https://github.com/${fullName}/blob/${at}/${path.path}` };
      return {
        status: 200,
        body: { type: 'file', encoding: 'base64', size: raw.length, name, path: path.path, content: raw.toString('base64'), sha, url, git_url: links.git, html_url: links.html, download_url: null, _links: links },
      };
    },
  };
}

export function gitDataHandlers(gitDir: string, api: () => string, fullName: string): Record<string, Handler> {
  const repository = bareRepository(gitDir, api, fullName);
  return { ...refHandlers(repository), ...objectHandlers(repository), ...contentHandlers(repository) };
}
