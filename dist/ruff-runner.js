import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ruffFindings
} from "./chunk-VG3TBJIR.js";
import "./chunk-XNDQ27F5.js";

// src/dags/static/ruff-runner.ts
import { createInterface } from "node:readline";
for await (const line of createInterface({ input: process.stdin })) {
  const { path, text } = JSON.parse(line);
  process.stdout.write(`${JSON.stringify(ruffFindings(path, text))}
`);
}
