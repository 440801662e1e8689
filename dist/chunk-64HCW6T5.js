import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CommandFailure,
  UsageError
} from "./chunk-VGK45RJW.js";

// src/overlays/git-ref.ts
var commitSha = /^[0-9a-fA-F]{40}$/;
var safeNameChars = /^[A-Za-z0-9._/+-]+$/;
function refNameProblem(name) {
  if (name.length === 0) return "it is empty";
  if (name.length > 255) return "it is longer than 255 characters";
  if (!safeNameChars.test(name)) return "it may contain only letters, digits and . _ / + -";
  if (name === "@") return "it is the single character '@'";
  if (name === "HEAD") return "it is 'HEAD', which follows the remote's default branch instead of pinning one";
  if (name.startsWith("-")) return "it begins with '-'";
  if (name.startsWith("/") || name.endsWith("/")) return "it begins or ends with '/'";
  if (name.includes("//")) return "it contains consecutive slashes '//'";
  if (name.includes("..")) return "it contains '..'";
  if (name.endsWith(".")) return "it ends with '.'";
  for (const component of name.split("/")) {
    if (component.startsWith(".")) return `its component '${component}' begins with '.'`;
    if (component.endsWith(".lock")) return `its component '${component}' ends with '.lock'`;
  }
  return void 0;
}
function parseGitRef(value, allowName, flag = "--ref", allowNameAdvice = "pass --allow-ref-name to pin a branch or tag instead") {
  if (commitSha.test(value)) return { kind: "commit", value: value.toLowerCase() };
  const quoted = JSON.stringify(value);
  if (!allowName) {
    throw new UsageError(
      `${flag} ${quoted} is not a full 40-character commit SHA (hex digits only); ${allowNameAdvice}`
    );
  }
  const problem = refNameProblem(value);
  if (problem !== void 0) throw new UsageError(`${flag} ${quoted} is not a valid git ref name: ${problem}`);
  return { kind: "name", value };
}

// src/overlays/ref-file.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var refFileName = "git-sync-ref.env";
var refLine = /^(\s*GITSYNC_REF\s*=\s*)(\S*)(\s*)$/;
function refFilePath(overlayDir) {
  return join(overlayDir, refFileName);
}
function findLine(lines, path) {
  const matches = lines.map((l, i) => refLine.test(l.replace(/\r$/, "")) ? i : -1).filter((i) => i >= 0);
  if (matches.length !== 1) {
    throw new CommandFailure(`${path}: expected exactly one line GITSYNC_REF=<ref>, found ${matches.length}`);
  }
  return matches[0];
}
function readPinnedRef(overlayDir) {
  const path = refFilePath(overlayDir);
  if (!existsSync(path)) throw new UsageError(`${path}: no pinned-ref file in this overlay`);
  const lines = readFileSync(path, "utf8").split("\n");
  const line = lines[findLine(lines, path)] ?? "";
  return refLine.exec(line.replace(/\r$/, ""))?.[2] ?? "";
}
function writePinnedRef(overlayDir, ref) {
  const path = refFilePath(overlayDir);
  if (!existsSync(path)) throw new UsageError(`${path}: no pinned-ref file in this overlay`);
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n");
  const index = findLine(lines, path);
  const original = lines[index] ?? "";
  const carriageReturn = original.endsWith("\r") ? "\r" : "";
  const match = refLine.exec(original.replace(/\r$/, ""));
  if (!match || match[2] === ref) return false;
  lines[index] = `${match[1]}${ref}${match[3]}${carriageReturn}`;
  writeFileSync(path, lines.join("\n"));
  return true;
}

export {
  refNameProblem,
  parseGitRef,
  refFilePath,
  readPinnedRef,
  writePinnedRef
};
