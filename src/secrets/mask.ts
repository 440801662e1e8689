/**
 * Keeps secret values out of everything the commands print: every value the
 * deploy handles is registered here (with its base64 form, as it appears in
 * Secret data), and output passes through `mask` on its way out.
 */
/** What stands where a secret value would be in diffs and artefacts. */
export const redacted = '(redacted)';

export class SecretMask {
  private readonly values = new Set<string>();

  add(value: string | undefined): void {
    // Very short values would mask ordinary words; no real secret is that short.
    if (value === undefined || value.length < 6) return;
    this.values.add(value);
    this.values.add(Buffer.from(value).toString('base64'));
    for (const line of value.split('\n')) if (line.trim().length >= 12) this.values.add(line.trim());
  }

  /** Registers every value of a Secret object's data (base64) and stringData. */
  addSecretData(data: Record<string, string> | undefined, encoded: boolean): void {
    for (const value of Object.values(data ?? {})) {
      this.add(encoded ? Buffer.from(value, 'base64').toString('utf8') : value);
      if (encoded) this.values.add(value);
    }
  }

  mask(text: string): string {
    let out = text;
    // Longest first, so a value containing a shorter one is hidden whole.
    for (const value of [...this.values].sort((a, b) => b.length - a.length)) {
      if (out.includes(value)) out = out.split(value).join('***');
    }
    return out;
  }
}
