// environments.yaml: adding `qa` is one overlay folder and one entry; the order,
// GitHub environments and promotion chain come from the file, and bad entries
// are refused naming the file and the entry.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run as environmentsRun } from '../../src/commands/environments.ts';
import { UsageError } from '../../src/errors.ts';
import { promotionChain, readEnvironments } from '../../src/overlays/environments-file.ts';
import { checkPromotionOrder } from '../../src/promotion/order.ts';
import { captureIO } from '../support/io.ts';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function repo(overlays: string[], file?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'environments-'));
  roots.push(root);
  for (const name of overlays) {
    mkdirSync(join(root, 'overlays', name), { recursive: true });
    writeFileSync(join(root, 'overlays', name, 'kustomization.yaml'), 'resources: []\n');
  }
  if (file !== undefined) writeFileSync(join(root, 'environments.yaml'), file);
  return root;
}

const withQa = `environments:
  - name: dev
  - name: qa
    github-environment: quality
    promote-from: dev
  - name: staging
    promote-from: qa
  - name: prod
    promote-from: staging
`;

describe('environments.yaml', () => {
  it('adds qa with one overlay folder and one entry: order, GitHub environment and promotion chain', async () => {
    const root = repo(['dev', 'qa', 'staging', 'prod', 'local'], withQa);
    const entries = readEnvironments(root);
    expect(entries.map((e) => e.name)).toEqual(['dev', 'qa', 'staging', 'prod']);
    expect(entries[1]?.githubEnvironment).toBe('quality');
    const chain = promotionChain(entries);
    expect(chain).toEqual([{ from: 'dev', to: 'qa' }, { from: 'qa', to: 'staging' }, { from: 'staging', to: 'prod' }]);
    expect(() => checkPromotionOrder('dev', 'qa', false, chain)).not.toThrow();
    expect(() => checkPromotionOrder('dev', 'staging', false, chain)).toThrow("promoting 'dev' to 'staging' is not in the usual order (dev -> qa, qa -> staging, staging -> prod)");

    const captured = captureIO(root);
    expect(await environmentsRun(['--github-output'], captured.io)).toBe(0);
    expect(captured.stdout.join('')).toBe(
      'first=dev\nlater=["qa","staging","prod"]\nchanged=["qa","staging","prod"]\n' +
        'promotions=[{"from":"dev","to":"qa"},{"from":"qa","to":"staging"},{"from":"staging","to":"prod"}]\n' +
        'github={"dev":"dev","qa":"quality","staging":"staging","prod":"prod"}\noverlays=["dev","local","prod","qa","staging"]\n',
    );
    await expect(environmentsRun(['--require', 'local'], captureIO(root).io)).rejects.toThrow("environment 'local' is not in environments.yaml (dev, qa, staging, prod)");
  });

  it('without the file, keeps dev -> staging -> prod for the overlays that exist', () => {
    const root = repo(['dev', 'staging', 'prod']);
    expect(promotionChain(readEnvironments(root))).toEqual([{ from: 'dev', to: 'staging' }, { from: 'staging', to: 'prod' }]);
  });

  it.each([
    ['a promotion from a later environment', 'environments:\n  - name: dev\n    promote-from: prod\n  - name: prod\n', "promote-from of 'dev' must name an environment listed before it (none)"],
    ['an unknown key', 'environments:\n  - name: dev\n    promote_from: x\n', "environments[0] has an unknown key 'promote_from'"],
    ['an environment without overlay', 'environments:\n  - name: dev\n  - name: qa\n', "environment 'qa' has no overlay (overlays/qa/kustomization.yaml)"],
    ['a name that is no environment name', 'environments:\n  - name: "Dev;rm"\n', 'environment "Dev;rm" is not a valid name'],
    ['a GitHub environment with odd characters', 'environments:\n  - name: dev\n    github-environment: "a b"\n', "github-environment of 'dev' must be letters"],
    ['a duplicate', 'environments:\n  - name: dev\n  - name: dev\n', "environment 'dev' is listed twice"],
  ])('refuses %s', (_what, file, message) => {
    const root = repo(['dev', 'prod'], file);
    expect(() => readEnvironments(root)).toThrow(UsageError);
    expect(() => readEnvironments(root)).toThrow(message);
  });
});
