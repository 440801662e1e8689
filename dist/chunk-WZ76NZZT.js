import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/deploy/settings.ts
var defaultFieldManager = "airflow-gitops";
function fieldManagerFor(environment) {
  return `${defaultFieldManager}-${environment}`;
}

export {
  defaultFieldManager,
  fieldManagerFor
};
