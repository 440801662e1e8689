import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployFlags, deployOptionsFrom, parseCommandArgs } from '../../src/commands/argv.ts';
import { deploySettings } from '../../src/commands/settings.ts';
import { run as deployRun } from '../../src/commands/deploy.ts';
import { SecretMask } from '../../src/secrets/mask.ts';
import { captureIO } from '../support/io.ts';

const repo = mkdtempSync(join(tmpdir(), 'settings-'));
mkdirSync(join(repo, 'overlays', 'dev'), { recursive: true });
writeFileSync(join(repo, 'overlays', 'dev', 'kustomization.yaml'), 'resources: []\n');

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => deploySettings(deployOptionsFrom(parseCommandArgs(argv, deployFlags, 'deploy'), 'deploy'), { cwd: repo, env });

describe('deploy settings', () => {
  it('has safe defaults and reads GitHub Actions for the revision', () => {
    const s = parse(['dev'], { GITHUB_SHA: 'A'.repeat(40), GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '42' });
    expect(s).toMatchObject({
      environment: 'dev', overlayDir: join(repo, 'overlays', 'dev'), fieldManager: 'airflow-gitops-dev', forceConflicts: false, prune: true,
      pruneSecrets: false, prunePvcs: false, wait: true, timeoutSeconds: 300, rollback: false, recreateStatefulSets: false,
      revision: { commit: 'a'.repeat(40), runUrl: 'https://github.com/o/r/actions/runs/42' },
    });
  });

  it('parses flags', () => {
    const s = parse(['dev', '--timeout', '5m', '--force-conflicts', '--no-prune', '--no-wait', '--rollback', '--namespace', 'air']);
    expect(s).toMatchObject({ timeoutSeconds: 300, forceConflicts: true, prune: false, wait: false, rollback: true, namespace: 'air' });
  });

  it.each([
    [['dev', '--timeout', 'soon'], /--timeout "soon" is not a duration/],
    [['dev', '--commit', 'main'], /--commit "main" is not a full 40-character commit SHA/],
    [['dev', '--run-url', 'javascript:alert(1)'], /--run-url .* is not an http\(s\) URL/],
    [['dev', '--namespace', 'Bad_NS'], /--namespace "Bad_NS" is not a valid namespace name/],
    [['dev', '--field-manager', 'a b'], /--field-manager "a b" is not a valid field manager name/],
    [['dev', '--forse-conflicts'], /deploy: Unknown option '--forse-conflicts'/],
    [['Dev'], /environment "Dev" is not a valid name/],
    [['prod'], /no overlay for environment 'prod' at .*overlays\/prod \(environments: dev\)/],
    [[], /usage: airflow-gitops deploy <environment>/],
  ])('%j is refused naming the problem', (argv, message) => {
    expect(() => parse(argv as string[])).toThrow(message);
  });

  it('takes a rendered file relative to the folder it runs in, and refuses one that is missing or a folder', () => {
    writeFileSync(join(repo, 'rendered.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n');
    expect(parse(['dev', '--rendered', 'rendered.yaml']).renderedFile).toBe(join(repo, 'rendered.yaml'));
    expect(parse(['dev']).renderedFile).toBeUndefined();
    expect(() => parse(['dev', '--rendered', 'missing.yaml'])).toThrow('--rendered "missing.yaml": no such file');
    expect(() => parse(['dev', '--rendered', 'overlays'])).toThrow('--rendered "overlays" is not a file');
  });

  it('exits 2 on bad usage, before reading any kubeconfig', async () => {
    const { io, all } = captureIO(repo, { KUBECONFIG: '/nonexistent' });
    const code = await deployRun(['dev', '--timeout', 'x'], io);
    expect(code).toBe(2);
    expect(all.join('')).toBe('airflow-gitops deploy: --timeout "x" is not a duration like 300, 300s or 5m\n');
  });

  it('names a missing kubeconfig as an environment problem (exit 2)', async () => {
    const { io, all } = captureIO(repo, { PATH: process.env.PATH });
    const code = await deployRun(['dev', '--kubeconfig', join(repo, 'missing-kubeconfig')], io);
    expect(code).toBe(2);
    expect(all.join('')).toContain(`cannot read kubeconfig ${join(repo, 'missing-kubeconfig')}`);
  });
});

describe('SecretMask', () => {
  it('hides values, their base64 and the lines of multi-line values, longest first', () => {
    const mask = new SecretMask();
    const key = '-----BEGIN KEY-----\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ\n-----END KEY-----';
    mask.add('pw-123456');
    mask.add(key);
    mask.add('abc');
    const text = `pw=pw-123456 b64=${Buffer.from('pw-123456').toString('base64')} line=AAAAB3NzaC1yc2EAAAADAQABAAABAQ whole=${key} short=abc`;
    expect(mask.mask(text)).toBe('pw=*** b64=*** line=*** whole=*** short=abc');
  });
});
