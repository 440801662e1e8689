import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var EnvironmentError = class extends Error {
  name = "EnvironmentError";
};
var CommandFailure = class extends Error {
  name = "CommandFailure";
};
function exitCodeFor(error) {
  if (error instanceof UsageError || error instanceof EnvironmentError) return 2;
  return 1;
}
function describe(error) {
  if (error instanceof Error) return error.message;
  return String(error);
}

export {
  UsageError,
  EnvironmentError,
  CommandFailure,
  exitCodeFor,
  describe
};
