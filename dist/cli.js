#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/cli.ts
import { enableCompileCache } from "node:module";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
enableCompileCache();
await import(new URL(`./cli-main${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href);
