import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CommandFailure,
  EnvironmentError,
  UsageError
} from "./chunk-VGK45RJW.js";

// src/kustomize/build.ts
import { existsSync } from "node:fs";
import { join } from "node:path";

// src/kustomize/binary.ts
import { spawn } from "node:child_process";
var standalone = { command: "kustomize", args: ["build"] };
var viaKubectl = { command: "kubectl", args: ["kustomize"] };
function runOnce(program, dir, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(program.command, [...program.args, dir], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.once("error", (error) => error.code === "ENOENT" ? resolve(void 0) : reject(error));
    child.once("close", (code, signal) => {
      const stderr = Buffer.concat(err).toString("utf8") + (signal ? `
(stopped by ${signal})` : "");
      resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr, program });
    });
  });
}
async function runKustomize(dir, env) {
  for (const program of [standalone, viaKubectl]) {
    const result = await runOnce(program, dir, env);
    if (result) return result;
  }
  throw new EnvironmentError("neither kustomize nor kubectl is on PATH: install one of them to render overlays");
}

// src/kustomize/build.ts
var kustomizationFiles = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
async function kustomizeBuild(overlayDir, env) {
  if (!kustomizationFiles.some((f) => existsSync(join(overlayDir, f)))) {
    throw new UsageError(`${overlayDir}: no kustomization.yaml in this overlay directory`);
  }
  const result = await runKustomize(overlayDir, env);
  if (result.exitCode !== 0) {
    const message = String(result.stderr).trim() || `exit code ${result.exitCode}`;
    throw new CommandFailure(`kustomize could not render ${overlayDir}:
${message}`);
  }
  return String(result.stdout);
}

export {
  kustomizeBuild
};
