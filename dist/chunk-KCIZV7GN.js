import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  inputName
} from "./chunk-JOPQDBEC.js";
import {
  deploySettings
} from "./chunk-LLYEG4VB.js";

// src/action/kubeconfig-file.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
function writeKubeconfig(content, tempDir) {
  const dir = mkdtempSync(join(tempDir, "airflow-gitops-kube-"));
  const path = join(dir, "kubeconfig");
  writeFileSync(path, content.endsWith("\n") ? content : `${content}
`, { mode: 384 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// src/action/commands/cluster-settings.ts
function engineDeploySettings(settings, kubeconfigPath, env) {
  return deploySettings(
    {
      environment: settings.environment,
      kubeconfig: kubeconfigPath,
      context: settings.context,
      forceConflicts: settings.forceConflicts,
      recreateStatefulSets: settings.recreateStatefulSets,
      prune: settings.prune,
      pruneSecrets: settings.pruneSecrets,
      prunePvcs: settings.prunePvcs,
      wait: settings.wait,
      timeout: settings.timeout,
      rollback: settings.rollback
    },
    { cwd: settings.workingDirectory, env: { ...env, ...settings.secretValues }, name: inputName }
  );
}

export {
  writeKubeconfig,
  engineDeploySettings
};
