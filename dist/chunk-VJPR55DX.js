import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/github/links.ts
function encodePath(path) {
  return path.split("/").map((segment) => encodeURIComponent(segment).replaceAll("(", "%28").replaceAll(")", "%29")).join("/");
}
function commitFileLinker(env) {
  const server = env.GITHUB_SERVER_URL || "https://github.com";
  const repository = env.GITHUB_REPOSITORY;
  const commit = env.GITHUB_SHA;
  if (!repository || !/^[^/\s]+\/[^/\s]+$/.test(repository) || !commit || !/^[0-9a-f]{40}$/i.test(commit) || !/^https?:\/\/[^\s()]+$/.test(server)) return void 0;
  const base = `${server.replace(/\/+$/, "")}/${repository.split("/").map(encodeURIComponent).join("/")}/blob/${commit.toLowerCase()}`;
  return (path, line) => `${base}/${encodePath(path)}#L${line}`;
}

export {
  commitFileLinker
};
