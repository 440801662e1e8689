import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  cell,
  summaryLimitBytes
} from "./chunk-LY2ZCFWI.js";

// src/action/summary.ts
import { appendFileSync } from "node:fs";
function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map((row) => line(row.map(cell)))].join("\n");
}
function codeBlock(text, language = "") {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}
${text.replace(/\n$/, "")}
${fence}`;
}
function openFence(text) {
  let open;
  for (const line of text.split("\n")) {
    const fence = /^(`{3,})/.exec(line)?.[1];
    if (fence === void 0) continue;
    if (open === void 0) open = fence;
    else if (fence.length >= open.length && line.trim() === fence) open = void 0;
  }
  return open;
}
function fitSummary(text, limitBytes = summaryLimitBytes) {
  if (Buffer.byteLength(text) <= limitBytes) return text;
  const note = "\n\n**The rest of this summary was cut: a job summary is limited to 1 MiB.**\n";
  const room = limitBytes - Buffer.byteLength(note) - 17;
  const cut = Buffer.from(text).subarray(0, room).toString("utf8").replace(/\uFFFD$/, "");
  const lastNewline = cut.lastIndexOf("\n");
  const kept = lastNewline > 0 ? cut.slice(0, lastNewline) : cut;
  const fence = openFence(kept);
  return `${kept}${fence === void 0 ? "" : `
${fence}`}${note}`;
}
function writeSummary(markdown, mask, env) {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file || markdown.length === 0) return false;
  appendFileSync(file, fitSummary(`${mask.mask(markdown).replace(/\n*$/, "")}
`));
  return true;
}

export {
  table,
  codeBlock,
  writeSummary
};
