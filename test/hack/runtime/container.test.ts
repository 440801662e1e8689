// How the process runtime stops a container: with the image's STOPSIGNAL
// (PostgreSQL's image says SIGINT, its fast shutdown), else SIGTERM, as a
// container runtime does before the grace period ends in SIGKILL.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContainerRunner, type Launch } from '../../../hack/runtime/container.ts';

const root = mkdtempSync(join(tmpdir(), 'container-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Starts a container that writes the first signal it gets to a file and exits; stops it; returns the signal. */
async function stoppedWith(name: string, stopSignal?: NodeJS.Signals): Promise<string> {
  const dir = join(root, name);
  const signalFile = join(dir, 'signal');
  const readyFile = join(dir, 'ready');
  const script = `for s in INT TERM; do trap "echo $s > '${signalFile}'; exit 0" $s; done; touch '${readyFile}'; while true; do sleep 0.1; done`;
  const launch: Launch = { argv: ['bash', '-c', script], env: { PATH: process.env.PATH }, cwd: root, rewrite: (text) => text, podIP: '127.0.0.1', logDir: join(dir, 'logs'), ...(stopSignal ? { stopSignal } : {}) };
  const runner = new ContainerRunner({ name: 'recorder', image: 'recorder' }, launch, 'Never', () => {}, () => {});
  void runner.start();
  while (!existsSync(readyFile)) await new Promise((resolve) => setTimeout(resolve, 20));
  await runner.stop(10_000);
  return readFileSync(signalFile, 'utf8').trim();
}

describe('stopping a container', () => {
  it("sends the image's stop signal when it has one", async () => {
    expect(await stoppedWith('int', 'SIGINT')).toBe('INT');
  });

  it('sends SIGTERM otherwise', async () => {
    expect(await stoppedWith('term')).toBe('TERM');
  });
});
