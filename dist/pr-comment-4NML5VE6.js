import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  GitHubClient,
  resolveRepository
} from "./chunk-OMGV5NTF.js";
import "./chunk-JKRQ3V4L.js";
import {
  flagText,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/commands/pr-comment.ts
import { readFileSync as readFileSync2, writeFileSync } from "node:fs";
import { resolve } from "node:path";

// src/checks/results.ts
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
var validationFile = "validation.json";
var environmentFilePattern = /^environment-([a-z0-9-]+)\.json$/;
function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`${file}: not a JSON file: ${error.message}`);
  }
}
function checkFinding(value, file, index) {
  const place = `${file}: findings[${index}]`;
  if (!isRecord(value)) throw new UsageError(`${place} is not an object`);
  const { file: path, line, column, severity, rule, message } = value;
  if (typeof path !== "string" || typeof line !== "number" || typeof severity !== "string" || typeof rule !== "string" || typeof message !== "string") {
    throw new UsageError(`${place} lacks file, line, severity, rule or message`);
  }
  return { file: path, line, column: typeof column === "number" ? column : void 0, severity, rule, message };
}
function readValidation(file) {
  const value = readJson(file);
  if (!isRecord(value) || typeof value.files !== "number" || !Array.isArray(value.findings)) throw new UsageError(`${file}: expected {"files": n, "findings": [...]}, the validator's JSON report`);
  return { files: value.files, findings: value.findings.map((f, i) => checkFinding(f, file, i)) };
}
var countNames = ["create", "change", "recreate", "prune", "unchanged", "deferred"];
function checkCounts(value, file) {
  if (value === void 0) return void 0;
  if (!isRecord(value)) throw new UsageError(`${file}: diff is not an object`);
  const counts = {};
  for (const name of countNames) {
    const count = value[name];
    if (typeof count !== "number" || !Number.isInteger(count) || count < 0) throw new UsageError(`${file}: diff.${name} is not a count`);
    counts[name] = count;
  }
  return counts;
}
function readEnvironment(file) {
  const value = readJson(file);
  if (!isRecord(value) || typeof value.environment !== "string") throw new UsageError(`${file}: expected an environment result with "environment"`);
  const text = (name) => typeof value[name] === "string" ? value[name] : void 0;
  return {
    environment: value.environment,
    namespace: text("namespace"),
    objects: typeof value.objects === "number" ? value.objects : void 0,
    diff: checkCounts(value.diff, file),
    diffSkipped: text("diffSkipped"),
    error: text("error")
  };
}
function readResults(folder) {
  const names = readdirSync(folder, { recursive: true, encoding: "utf8" }).sort();
  const base = (name) => name.split(/[\\/]/).at(-1) ?? name;
  const validation = names.find((name) => base(name) === validationFile);
  const environments = names.filter((name) => environmentFilePattern.test(base(name))).map((name) => readEnvironment(join(folder, name)));
  environments.sort((a, b) => a.environment.localeCompare(b.environment));
  return { validation: validation === void 0 ? void 0 : readValidation(join(folder, validation)), environments };
}

// src/checks/comment.ts
var checksMarker = "<!-- airflow-gitops:checks -->";
var maxFindingRows = 50;
var maxCellLength = 300;
function cell(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  const short = flat.length > maxCellLength ? `${flat.slice(0, maxCellLength - 1)}\u2026` : flat;
  return short.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/@/g, "@\u200B").replace(/`/g, "'");
}
var icons = { error: "\u274C error", warning: "\u26A0\uFE0F warning" };
function findingRow(finding, folder) {
  const path = folder === "" || folder === "." ? finding.file : `${folder.replace(/\/+$/, "")}/${finding.file}`;
  return `| ${icons[finding.severity] ?? cell(finding.severity)} | \`${cell(path)}\` | ${finding.line} | ${cell(finding.rule)} | ${cell(finding.message)} |`;
}
function validationSection(report, folder) {
  if (report === void 0) return ["**DAGs**: \u274C the validation did not report (see the workflow run)."];
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  const head = `**DAGs**: ${report.files} file(s) checked, ${errors === 0 ? "\u2705 no errors" : `\u274C ${errors} error(s)`}, ${warnings} warning(s)`;
  if (report.findings.length === 0) return [head];
  const sorted = [...report.findings].sort((a, b) => a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1);
  const rows = sorted.slice(0, maxFindingRows).map((finding) => findingRow(finding, folder));
  const rest = report.findings.length - rows.length;
  return [head, "", "| | file | line | rule | message |", "| --- | --- | --- | --- | --- |", ...rows, ...rest > 0 ? ["", `\u2026 and ${rest} more in the job summary of the workflow run.`] : []];
}
function environmentRow(result) {
  const name = `\`${cell(result.environment)}\``;
  if (result.error !== void 0) return `| ${name} | \u274C | | | | | ${cell(result.error)} |`;
  const objects = result.objects === void 0 ? "\u2013" : String(result.objects);
  const d = result.diff;
  if (d === void 0) return `| ${name} | ${objects} | \u2013 | \u2013 | \u2013 | \u2013 | ${cell(result.diffSkipped ?? "not diffed")} |`;
  return `| ${name} | ${objects} | ${d.create + d.deferred} | ${d.change + d.recreate} | ${d.prune} | ${d.unchanged} | server-side dry-run against the cluster |`;
}
function environmentSection(results) {
  if (results.length === 0) return ["**Environments**: no overlay was checked."];
  return [
    "**Environments**",
    "",
    "| environment | rendered objects | to create | to change | to prune | unchanged | diff |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...results.map(environmentRow)
  ];
}
function checksComment(facts) {
  const about = [facts.commit ? `commit \`${facts.commit.slice(0, 12)}\`` : void 0, facts.runUrl ? `[workflow run](${facts.runUrl})` : void 0].filter(Boolean).join(" \xB7 ");
  const lines = [checksMarker, "### airflow-gitops checks", ...about ? ["", about] : [], "", ...validationSection(facts.validation, facts.dagsDirectory ?? ""), "", ...environmentSection(facts.environments), ""];
  return lines.join("\n");
}

// src/github/issue-comments.ts
function repo(repository) {
  return { owner: repository.owner, repo: repository.name };
}
async function findMarkedComment(github, repository, issue, marker) {
  const comments = await github.call(
    `reading the comments of pull request #${issue}`,
    (octokit) => octokit.paginate(octokit.rest.issues.listComments, { ...repo(repository), issue_number: issue, per_page: 100 })
  );
  return comments.find((comment) => comment.body?.startsWith(marker));
}
async function upsertComment(github, repository, issue, marker, body) {
  const text = body.startsWith(marker) ? body : `${marker}
${body}`;
  const existing = await findMarkedComment(github, repository, issue, marker);
  if (existing !== void 0) {
    const id = existing.id;
    const updated = await github.call(`updating comment ${id} on pull request #${issue}`, async (o) => (await o.rest.issues.updateComment({ ...repo(repository), comment_id: id, body: text })).data);
    return { id: updated.id, url: updated.html_url, operation: "updated" };
  }
  const created = await github.call(`commenting on pull request #${issue}`, async (o) => (await o.rest.issues.createComment({ ...repo(repository), issue_number: issue, body: text })).data);
  return { id: created.id, url: created.html_url, operation: "created" };
}

// src/commands/pr-comment.ts
function eventOf(env) {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    return JSON.parse(readFileSync2(env.GITHUB_EVENT_PATH, "utf8"));
  } catch (error) {
    throw new UsageError(`GITHUB_EVENT_PATH ${env.GITHUB_EVENT_PATH}: ${error.message}`);
  }
}
function pullRequestNumber(flag, event) {
  const value = flag ?? (event.pull_request?.number === void 0 ? void 0 : String(event.pull_request.number));
  if (value === void 0) throw new UsageError("pr-comment: --pull-request <number> is required outside a pull_request run");
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new UsageError(`pr-comment: --pull-request ${JSON.stringify(value)} is not a pull request number`);
  return Number(value);
}
function runUrl(env) {
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return void 0;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
async function run(argv, io) {
  const parsed = parseCommandArgs(argv, { results: { type: "string" }, "pull-request": { type: "string" }, output: { type: "string" }, "no-post": { type: "boolean" }, "dags-directory": { type: "string" } }, "pr-comment");
  const folder = flagText(parsed.values, "results");
  if (folder === void 0) throw new UsageError("pr-comment: --results <folder> is required (the check jobs' result files)");
  const event = eventOf(io.env);
  const results = readResults(resolve(io.cwd, folder));
  const dagsDirectory = flagText(parsed.values, "dags-directory") ?? "dags";
  const body = checksComment({ ...results, commit: event.pull_request?.head?.sha ?? io.env.GITHUB_SHA, runUrl: runUrl(io.env), dagsDirectory });
  const output = flagText(parsed.values, "output");
  if (output !== void 0) writeFileSync(resolve(io.cwd, output), body);
  if (parsed.values["no-post"] === true) {
    io.stdout(body);
    return 0;
  }
  const number = pullRequestNumber(flagText(parsed.values, "pull-request"), event);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token) throw new UsageError("pr-comment: set GITHUB_TOKEN (pull-requests: write) to comment, or pass --no-post");
  const repository = resolveRepository(io.env, void 0);
  const client = new GitHubClient({ apiUrl: repository.apiUrl, token, log: (line) => io.stderr(`${line}
`) });
  const comment = await upsertComment(client, repository, number, checksMarker, body);
  io.stdout(`comment ${comment.operation} on pull request #${number}: ${comment.url}
`);
  return 0;
}
export {
  run
};
