// Without a mount namespace per pod, a container's paths are mapped, not
// mounted: every path under one of its volume mounts (or the image's own
// writable folders: /tmp, the home folder) is rewritten to the pod's folder in
// its command, args, environment and probe commands, and in the config files
// its programs read through images/. The pod's loopback (127.0.0.1,
// localhost) is rewritten to the pod's own address.
export type PathMap = [containerPath: string, hostPath: string][];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A function that maps every container path and the pod's loopback in a string, in one pass. */
export function pathRewriter(map: PathMap, podIP: string): (text: string) => string {
  const byLength = [...map].sort((a, b) => b[0].length - a[0].length);
  const targets = new Map(byLength);
  const alternatives = byLength.map(([from]) => escape(from)).join('|');
  const paths = alternatives ? new RegExp(`(?<![\\w.~/-])(${alternatives})(?=$|[/\\s"'):;,=])`, 'g') : undefined;
  const loopback = /(?<![\w.-])(127\.0\.0\.1|localhost)(?![\w.-])/g;
  return (text) => {
    const mapped = paths ? text.replace(paths, (match) => targets.get(match) ?? match) : text;
    return mapped.replace(loopback, podIP);
  };
}
