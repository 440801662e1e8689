/**
 * src/requirements owns the team's Python dependencies: requirements.txt,
 * the hashed requirements.lock resolved from it on top of the base Airflow
 * lock (with uv), the lock's header that tells when it is stale, and the map
 * of which locked distribution provides each module.
 */
export { airflowPin, lockedAirflow } from './airflow-pin.ts';
export { lockStaleness, staleMessage } from './check.ts';
export { currentInputs } from './inputs.ts';
export { readHeader, renderHeader, staleness, type LockInputs } from './lock-header.ts';
export { distributionHint, providerOf, readModuleMap, type LockedModules, type ModuleMap, type Provider } from './module-map.ts';
export { lockFileName, lockPaths, moduleMapFileName, requirementsFileName, type LockPaths } from './paths.ts';
export { refreshLock, type Refreshed } from './resolve.ts';
export { normalizedName, parseRequirements, requirementsDigest, type Requirement } from './requirements-file.ts';
