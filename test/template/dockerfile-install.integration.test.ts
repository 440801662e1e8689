// The Dockerfile's own pip command (read from it, not retyped) run by a real
// pip in a fresh venv against a small lock of wheels made here: what the image
// build does with requirements.lock, short of Docker. The lock's files install;
// a file whose hash differs from the lock is refused; a dependency the lock
// does not list is not fetched (the lock is the whole set). Offline: the
// wheels come from a local folder (--no-index --find-links), appended only for
// this test.
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryDockerfile, runWords } from '../support/dockerfile.ts';

let root: string;
let python: string;
let wheels: string;

/** A minimal pure-Python wheel: a module, its metadata (with Requires-Dist when given), and its RECORD. */
const makeWheel = `
import base64, hashlib, sys, zipfile
name, version, requires, folder = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
info = f"{name}-{version}.dist-info"
files = {f"{name}/__init__.py": f"VERSION = {version!r}\\n",
         f"{info}/METADATA": f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n" + "".join(f"Requires-Dist: {r}\\n" for r in requires.split(",") if r),
         f"{info}/WHEEL": "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"}
record = "".join(f"{p},sha256={base64.urlsafe_b64encode(hashlib.sha256(c.encode()).digest()).rstrip(b'=').decode()},{len(c.encode())}\\n" for p, c in files.items()) + f"{info}/RECORD,,\\n"
path = f"{folder}/{name}-{version}-py3-none-any.whl"
with zipfile.ZipFile(path, "w") as z:
    for p, c in files.items(): z.writestr(p, c)
    z.writestr(f"{info}/RECORD", record)
print(path)
`;

async function wheel(name: string, requires: string[] = []): Promise<string> {
  const path = (await execa('python3', ['-c', makeWheel, name, '1.0', requires.join(','), wheels])).stdout.trim();
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The pip arguments of the Dockerfile's install step, the lock's path replaced by `lock`. */
function dockerfilePipArgs(lock: string): string[] {
  const run = repositoryDockerfile().find((i) => i.keyword === 'RUN' && /\bpip install\b/.test(i.args));
  if (run === undefined) throw new Error('the Dockerfile has no pip install step');
  const words = runWords(run);
  const end = words.indexOf('&&');
  const install = words.slice(words.indexOf('pip') + 1, end > 0 ? end : undefined);
  const file = install[install.indexOf('-r') + 1];
  return install.map((w) => (w === file ? lock : w));
}

async function pipInstall(lockText: string) {
  const lock = join(root, `lock-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(lock, lockText);
  return execa(python, ['-m', 'pip', ...dockerfilePipArgs(lock), '--no-index', '--find-links', wheels, '--disable-pip-version-check'], { reject: false, env: { ...process.env, PIP_CONFIG_FILE: '/dev/null' } });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dockerfile-pip-'));
  wheels = join(root, 'wheels');
  await execa('mkdir', [wheels]);
  await execa('python3', ['-m', 'venv', join(root, 'venv')]);
  python = join(root, 'venv', 'bin', 'python');
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the Dockerfile's pip install", () => {
  it('installs exactly the locked files, refuses a changed hash and fetches no unlisted dependency', async () => {
    const team = await wheel('teamlib', ['unlisted']);
    await wheel('unlisted');
    const installed = await pipInstall(`teamlib==1.0 \\\n    --hash=sha256:${team}\n`);
    expect(installed.exitCode, installed.stderr).toBe(0);
    const list = (await execa(python, ['-m', 'pip', 'list', '--format=freeze', '--disable-pip-version-check'])).stdout;
    expect(list).toContain('teamlib==1.0');
    // --no-deps: teamlib's requirement is not the lock's, so it is not installed.
    expect(list).not.toContain('unlisted');

    const tampered = await pipInstall(`unlisted==1.0 \\\n    --hash=sha256:${'0'.repeat(64)}\n`);
    expect(tampered.exitCode).not.toBe(0);
    expect(tampered.stderr).toContain('THESE PACKAGES DO NOT MATCH THE HASHES');

    const unhashed = await pipInstall('unlisted==1.0\n');
    expect(unhashed.exitCode).not.toBe(0);
    expect(unhashed.stderr).toMatch(/[Hh]ashes are required/);
  }, 120_000);
});
