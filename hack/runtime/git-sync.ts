// Stands in for the git-sync v4 image, with git itself: the same GITSYNC_*
// settings and the same folder layout, so Airflow sees what git-sync would
// give it. GITSYNC_ROOT is a git repository; each synced commit is checked
// out as a worktree in ROOT/.worktrees/<commit>, and GITSYNC_LINK is a
// relative symbolic link to it, replaced atomically (a rename) on change;
// the previous worktree is removed. GITSYNC_HTTP_BIND answers 503 until the
// first sync and 200 after. Each round fetches GITSYNC_REF (a branch, tag or
// commit) every GITSYNC_PERIOD (GITSYNC_INIT_PERIOD until the first sync);
// more than GITSYNC_MAX_FAILURES failures in a row end the process.
// Not emulated: credentials (SSH keys, tokens, askpass), submodules, sparse
// checkouts, webhooks, exechooks, --one-time, metrics.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const env = process.env;
const repo = env.GITSYNC_REPO ?? '';
const ref = env.GITSYNC_REF ?? 'HEAD';
const root = env.GITSYNC_ROOT ?? '/tmp/git';
const link = env.GITSYNC_LINK ?? 'head';
const maxFailures = Number(env.GITSYNC_MAX_FAILURES ?? '0');

function seconds(text: string | undefined, fallback: number): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text ?? '');
  if (!match) return fallback;
  const value = Number(match[1]);
  return match[2] === 'ms' ? value / 1000 : match[2] === 'm' ? value * 60 : value;
}

const period = seconds(env.GITSYNC_PERIOD, 10);
const initPeriod = seconds(env.GITSYNC_INIT_PERIOD, period);
let synced = false;

async function git(...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: root, env: { ...env, GIT_TERMINAL_PROMPT: '0' } });
  return stdout.trim();
}

async function syncOnce(): Promise<void> {
  mkdirSync(root, { recursive: true });
  if (!existsSync(join(root, '.git'))) await git('init', '--quiet');
  await git('fetch', '--quiet', '--no-tags', '--depth', '1', repo, ref);
  const commit = await git('rev-parse', 'FETCH_HEAD^{commit}');
  const linkPath = join(root, link);
  const target = join('.worktrees', commit);
  const current = existsSync(linkPath) ? readlinkSync(linkPath) : undefined;
  if (current === target) return;
  if (!existsSync(join(root, target))) await git('worktree', 'add', '--quiet', '--force', '--detach', target, commit);
  const temporary = `${linkPath}.tmp`;
  rmSync(temporary, { force: true });
  symlinkSync(target, temporary);
  renameSync(temporary, linkPath);
  if (current) {
    await git('worktree', 'remove', '--force', current).catch(() => rmSync(join(root, current), { recursive: true, force: true }));
    await git('worktree', 'prune').catch(() => {});
  }
  console.log(`synced ${repo} ${ref} -> ${commit}`);
}

function serve(): void {
  const bind = env.GITSYNC_HTTP_BIND;
  if (!bind) return;
  const port = Number(bind.slice(bind.lastIndexOf(':') + 1));
  const host = bind.slice(0, bind.lastIndexOf(':')) || env.RUNTIME_POD_IP || '0.0.0.0';
  createServer((_req, res) => {
    res.statusCode = synced ? 200 : 503;
    res.end();
  }).listen(port, host);
}

async function main(): Promise<void> {
  serve();
  let failures = 0;
  for (;;) {
    try {
      await syncOnce();
      synced = true;
      failures = 0;
    } catch (error) {
      failures++;
      console.error(`sync failed (${failures} in a row): ${(error as Error).message}`);
      if (maxFailures >= 0 && failures > maxFailures) process.exit(1);
    }
    await new Promise((r) => setTimeout(r, (synced ? period : initPeriod) * 1000));
  }
}

process.on('SIGTERM', () => process.exit(0));
void main();
