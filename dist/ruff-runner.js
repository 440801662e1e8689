import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ruffFindings,
  serveRuff
} from "./chunk-RBNP2GGL.js";
import "./chunk-XNDQ27F5.js";

// src/dags/static/ruff-runner.ts
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
if (process.argv[2] === "--serve") {
  serveRuff(process.argv[3], fileURLToPath(import.meta.url));
} else {
  for await (const line of createInterface({ input: process.stdin })) {
    const { path, text } = JSON.parse(line);
    process.stdout.write(`${JSON.stringify(ruffFindings(path, text))}
`);
  }
}
