import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  SecretMask
} from "./chunk-R3FHXGE5.js";
import {
  describe,
  exitCodeFor
} from "./chunk-VGK45RJW.js";

// src/commands/masked-output.ts
function maskedIO(io) {
  const mask = new SecretMask();
  return { mask, out: (line) => io.stdout(`${mask.mask(line)}
`), err: (line) => io.stderr(`${mask.mask(line)}
`) };
}
async function reportingErrors(name, masked, body) {
  try {
    return await body();
  } catch (error) {
    masked.err(`airflow-gitops ${name}: ${describe(error)}`);
    return exitCodeFor(error);
  }
}

export {
  maskedIO,
  reportingErrors
};
