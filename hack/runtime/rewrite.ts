// Without a mount namespace per pod, a container's paths are mapped, not
// mounted: every path under one of its volume mounts (or the image's own
// writable folders: /tmp, the home folder) is rewritten to the pod's folder in
// its command, args, environment and probe commands, and in the config files
// its programs read through images/. The pod's loopback (127.0.0.1,
// localhost) is rewritten to the pod's own address.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type PathMap = [containerPath: string, hostPath: string][];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The folders of the machine whose paths the runtime itself puts in a command
 * or environment (its entrypoints in images/, the Airflow venv, Node): a
 * checkout under /tmp must not have them taken for the container's /tmp.
 */
const hostRoots = [join(dirname(fileURLToPath(import.meta.url)), '..', '..'), process.execPath];

/** A function that maps every container path and the pod's loopback in a string, in one pass. */
export function pathRewriter(map: PathMap, podIP: string, keep: string[] = hostRoots): (text: string) => string {
  const byLength = [...map].sort((a, b) => b[0].length - a[0].length);
  const targets = new Map(byLength);
  const alternatives = byLength.map(([from]) => escape(from)).join('|');
  const paths = alternatives ? new RegExp(`(?<![\\w.~/-])(${alternatives})(?=$|[/\\s"'):;,=])`, 'g') : undefined;
  const loopback = /(?<![\w.-])(127\.0\.0\.1|localhost)(?![\w.-])/g;
  // A root ends where the path does or at its next folder: /tmp/checkoutish is not /tmp/checkout.
  const isHostPath = (text: string, at: number) => keep.some((root) => text.startsWith(root, at) && !/[\w.~-]/.test(text[at + root.length] ?? ' '));
  return (text) => {
    const mapped = paths ? text.replace(paths, (match: string, _path: string, at: number) => (isHostPath(text, at) ? match : (targets.get(match) ?? match))) : text;
    return mapped.replace(loopback, podIP);
  };
}
