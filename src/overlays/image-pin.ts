/**
 * The Airflow image an overlay runs, pinned by digest: the `images:` entry for
 * apache/airflow in overlays/<env>/kustomization.yaml, with `newName` (the
 * team's image, built from requirements.lock) and `digest`, never a tag. The
 * base keeps the official image at a tag; an overlay without the entry runs it.
 * Edits go through the YAML document, so comments and the other keys stay as
 * they are; a file whose `images:` has an unexpected shape is refused, naming
 * the file, before anything is written.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { UsageError } from '../errors.ts';

/** The image the base names; the overlay's entry renames it. */
export const airflowImage = 'apache/airflow';
export const kustomizationFileName = 'kustomization.yaml';

export type ImagePin = { name: string; digest: string };

// An OCI reference without a tag: lowercase path components (a registry host,
// with an optional port, first), then a sha256 digest. Nothing here needs
// quoting in YAML or a shell.
const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const reference = new RegExp(`^(${component}(?::[0-9]{1,5})?(?:/${component})+)@(sha256:[0-9a-f]{64})$`);

/** Parses `<name>@sha256:<64 hex>`; `place` names the flag or input in the error. */
export function parseImagePin(value: string, place = '--image'): ImagePin {
  const match = reference.exec(value);
  if (match?.[1] !== undefined && match[2] !== undefined) return { name: match[1], digest: match[2] };
  const quoted = JSON.stringify(value);
  const why = /@sha256:/.test(value)
    ? 'the digest must be sha256: and 64 lowercase hex digits, and the name lowercase registry/path components without a tag'
    : 'it has no @sha256:<digest>; pin the image by the digest the registry returned, not by a tag';
  throw new UsageError(`${place} ${quoted} is not an image reference <registry>/<path>@sha256:<64 hex digits>: ${why}`);
}

export function formatImagePin(pin: ImagePin): string {
  return `${pin.name}@${pin.digest}`;
}

function loaded(content: string, file: string): Document {
  const doc = parseDocument(content);
  if (doc.errors.length > 0) throw new UsageError(`${file}: not valid YAML: ${doc.errors[0]?.message ?? ''}`);
  if (!isMap(doc.contents)) throw new UsageError(`${file}: expected a Kustomization mapping`);
  return doc;
}

/** The apache/airflow entry of `images:`, or undefined; a malformed `images:` is refused. */
function airflowEntry(doc: Document, file: string): YAMLMap | undefined {
  const images = doc.get('images', true);
  if (images === undefined || images === null) return undefined;
  if (!isSeq(images)) throw new UsageError(`${file}: images: must be a list of {name, newName, newTag, digest} entries`);
  const entries = images.items.filter((item): item is YAMLMap => isMap(item) && item.get('name') === airflowImage);
  if (entries.length > 1) throw new UsageError(`${file}: images: lists ${airflowImage} ${entries.length} times; keep one entry`);
  return entries[0];
}

/** The image an overlay pins for apache/airflow, or undefined when it runs the base's tag. */
export function imagePinIn(file: string, content: string): ImagePin | undefined {
  const entry = airflowEntry(loaded(content, file), file);
  if (entry === undefined) return undefined;
  const name = entry.get('newName');
  const digest = entry.get('digest');
  if (typeof digest !== 'string') throw new UsageError(`${file}: the images: entry for ${airflowImage} has no digest: pin it by digest (airflow-gitops bump --image <name>@sha256:...)`);
  return parseImagePin(`${typeof name === 'string' ? name : airflowImage}@${digest}`, `${file}: the images: entry for ${airflowImage}`);
}

/** What the overlay's entry says, for messages: name@digest, name:tag, or undefined (the base image). */
export function describedImageIn(file: string, content: string): string | undefined {
  const entry = airflowEntry(loaded(content, file), file);
  if (entry === undefined) return undefined;
  const name = String(entry.get('newName') ?? airflowImage);
  const digest = entry.get('digest');
  const tag = entry.get('newTag');
  return digest !== undefined ? `${name}@${String(digest)}` : `${name}:${String(tag ?? 'latest')}`;
}

function setEntry(doc: Document, entry: YAMLMap | undefined, pin: ImagePin): void {
  if (entry === undefined) {
    const created = doc.createNode({ name: airflowImage, newName: pin.name, digest: pin.digest });
    const images = doc.get('images', true);
    if (isSeq(images)) images.add(created);
    else if (isMap(doc.contents)) {
      const pair = doc.createPair('images', [created]);
      if (isScalar(pair.key)) {
        pair.key.spaceBefore = true;
        pair.key.commentBefore = ' The Airflow image this environment runs, pinned by digest (written by\n `airflow-gitops bump --image` and by promotions; see docs/image.md).';
      }
      doc.contents.items.push(pair);
    }
    return;
  }
  entry.set('newName', pin.name);
  entry.set('digest', pin.digest);
  // A digest pins the content; a tag beside it would only mislead the reader.
  entry.delete('newTag');
}

/**
 * The kustomization's content with apache/airflow pinned to `pin` (or the entry
 * removed when `pin` is undefined), or undefined when it already is so.
 */
export function withImagePin(file: string, content: string, pin: ImagePin | undefined): string | undefined {
  const doc = loaded(content, file);
  const entry = airflowEntry(doc, file);
  // An entry with a tag and no digest is replaced by the pin, never compared with it.
  const current = entry?.get('digest') === undefined ? undefined : imagePinIn(file, content);
  if (entry === undefined ? pin === undefined : current !== undefined && current.name === pin?.name && current.digest === pin.digest) return undefined;
  if (pin !== undefined) setEntry(doc, entry, pin);
  else if (entry !== undefined) {
    const images = doc.get('images', true);
    if (isSeq(images)) images.items = images.items.filter((item) => item !== entry);
    if (isSeq(images) && images.items.length === 0) doc.delete('images');
  }
  return String(doc);
}
