import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DeployFailure,
  deploy,
  lockDurationSeconds
} from "./chunk-YMEVRNMK.js";
import {
  hasChanges
} from "./chunk-J7OGU2WJ.js";
import "./chunk-J3WNSU2D.js";
import "./chunk-K4N6FAJZ.js";
import "./chunk-BKWCNDSE.js";
import "./chunk-4B2IDAP7.js";
import "./chunk-I3JNE5F2.js";
import "./chunk-PRALPFIX.js";
import "./chunk-YKQKCZGO.js";
import "./chunk-WZ76NZZT.js";
import "./chunk-R3FHXGE5.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";
export {
  DeployFailure,
  deploy,
  hasChanges,
  lockDurationSeconds
};
