#!/usr/bin/env node
// The CLI's entry: turns on Node's compile cache, then loads the CLI. The
// cache keeps V8's compiled code of the bundle (a megabyte of JavaScript)
// between runs, in NODE_COMPILE_CACHE or else the system's temporary folder;
// it has to be on before the bundle loads, hence this separate entry.
import { enableCompileCache } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

enableCompileCache();
// cli-main.ts from the sources, cli-main.js from the bundle (dist/).
await import(new URL(`./cli-main${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href);
