import type { CommandIO } from './io.ts';
import { UsageError } from '../errors.ts';

export async function run(_argv: string[], _io: CommandIO): Promise<number> {
  throw new UsageError('render is not available yet');
}
