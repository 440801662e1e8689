/** Output of the engine's commands goes through the secret mask, errors included. */
import type { CommandIO } from './io.ts';
import { describe, exitCodeFor } from '../errors.ts';
import { SecretMask } from '../secrets/mask.ts';

export type MaskedIO = { mask: SecretMask; out: (line: string) => void; err: (line: string) => void };

export function maskedIO(io: CommandIO): MaskedIO {
  const mask = new SecretMask();
  return { mask, out: (line) => io.stdout(`${mask.mask(line)}\n`), err: (line) => io.stderr(`${mask.mask(line)}\n`) };
}

/**
 * The top-level error handler of the masked commands (see errors.ts): runs `body`, printing
 * any error through the mask (the CLI's own handler would print it unmasked).
 */
export async function reportingErrors(name: string, masked: MaskedIO, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    masked.err(`airflow-gitops ${name}: ${describe(error)}`);
    return exitCodeFor(error);
  }
}
