/** Kubernetes resource quantities ("8Gi", "500M", "1.5Ti") as numbers, to compare volume sizes. */
const suffixes: Record<string, number> = {
  '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

export function bytesOf(quantity: string): number {
  const match = /^([0-9.]+)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/.exec(quantity.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * (suffixes[match[2] ?? ''] ?? 1);
}
