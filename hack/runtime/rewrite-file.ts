// Copies a file read by a program inside a container (a config file that
// names paths inside the container) with those paths mapped to the pod's
// folders: RUNTIME_PATH_MAP holds the container's map as JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathRewriter } from './rewrite.ts';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: rewrite-file.ts INPUT OUTPUT');
const map = JSON.parse(process.env.RUNTIME_PATH_MAP ?? '[]') as [string, string][];
writeFileSync(output, pathRewriter(map, process.env.RUNTIME_POD_IP ?? '127.0.0.1')(readFileSync(input, 'utf8')));
