// The overlay's image pin: the reference's form, and the edit of the
// apache/airflow entry of a kustomization (comments and other keys kept).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { describedImageIn, imagePinIn, parseImagePin, withImagePin } from '../../src/overlays/image-pin.ts';
import { repoRoot } from '../support/paths.ts';

const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
const other = `sha256:${'f'.repeat(64)}`;
const file = 'overlays/dev/kustomization.yaml';
const dev = readFileSync(join(repoRoot, file), 'utf8');

describe('parseImagePin', () => {
  it.each(['ghcr.io/acme/airflow', 'ghcr.io/acme/data-platform/airflow', 'registry.example.com:5000/team/air_flow', 'localhost:5000/airflow'])('accepts %s@sha256:<64 hex>', (name) => {
    expect(parseImagePin(`${name}@${digest}`)).toEqual({ name, digest });
  });

  it.each([
    ['a tag instead of a digest', 'ghcr.io/acme/airflow:3.3.2', /has no @sha256:<digest>/],
    ['a tag and a digest', `ghcr.io/acme/airflow:3.3.2@${digest}`, /without a tag/],
    ['a short digest', 'ghcr.io/acme/airflow@sha256:abc', /64 lowercase hex/],
    ['an uppercase digest', `ghcr.io/acme/airflow@${digest.toUpperCase().replace('SHA256', 'sha256')}`, /64 lowercase hex/],
    ['an uppercase name', `ghcr.io/Acme/airflow@${digest}`, /lowercase registry/],
    ['a name without a path', `airflow@${digest}`, /lowercase registry/],
    ['a line break', `ghcr.io/acme/airflow@${digest}\nnewTag: x`, /64 lowercase hex/],
  ])('refuses %s, naming the flag or input', (_, value, why) => {
    expect(() => parseImagePin(value, "input 'image'")).toThrow(new RegExp(`^input 'image' ${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not an image reference`));
    expect(() => parseImagePin(value)).toThrow(why);
  });
});

describe('withImagePin', () => {
  it('adds the apache/airflow entry with newName and digest, and keeps every comment', () => {
    const pinned = withImagePin(file, dev, parseImagePin(`ghcr.io/acme/airflow@${digest}`)) ?? '';
    expect(parse(pinned).images).toEqual([{ name: 'apache/airflow', newName: 'ghcr.io/acme/airflow', digest }]);
    const comments = (text: string) => text.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments(pinned).slice(0, comments(dev).length)).toEqual(comments(dev));
    // Everything that was there is still there, byte for byte: the entry is appended.
    expect(pinned.startsWith(dev.trimEnd())).toBe(true);
    expect(imagePinIn(file, pinned)).toEqual({ name: 'ghcr.io/acme/airflow', digest });
  });

  it('replaces a pin (dropping a tag) and leaves the other images alone', () => {
    const text = `${dev}images:\n  - name: postgres\n    newTag: "17.7"\n  - name: apache/airflow # ours\n    newTag: "3.3.2"\n`;
    expect(describedImageIn(file, text)).toBe('apache/airflow:3.3.2');
    const pinned = withImagePin(file, text, parseImagePin(`ghcr.io/acme/airflow@${other}`)) ?? '';
    expect(parse(pinned).images).toEqual([{ name: 'postgres', newTag: '17.7' }, { name: 'apache/airflow', newName: 'ghcr.io/acme/airflow', digest: other }]);
    expect(pinned).toContain('# ours');
  });

  it('changes nothing when the pin is already there, and removes the entry for the base image', () => {
    const pin = parseImagePin(`ghcr.io/acme/airflow@${digest}`);
    const pinned = withImagePin(file, dev, pin) ?? '';
    expect(withImagePin(file, pinned, pin)).toBeUndefined();
    expect(parse(withImagePin(file, pinned, undefined) ?? '').images).toBeUndefined();
    expect(withImagePin(file, dev, undefined)).toBeUndefined();
  });

  it('refuses an images: key of another shape, or the image listed twice, naming the file', () => {
    const pin = parseImagePin(`ghcr.io/acme/airflow@${digest}`);
    expect(() => withImagePin(file, `${dev}images: apache/airflow\n`, pin)).toThrow(`${file}: images: must be a list`);
    const twice = `${dev}images:\n  - name: apache/airflow\n    newTag: "1"\n  - name: apache/airflow\n    newTag: "2"\n`;
    expect(() => withImagePin(file, twice, pin)).toThrow(`${file}: images: lists apache/airflow 2 times`);
    expect(() => imagePinIn(file, `${dev}images:\n  - name: apache/airflow\n    newName: ghcr.io/acme/airflow\n    newTag: "3"\n`)).toThrow(`${file}: the images: entry for apache/airflow has no digest`);
  });
});
