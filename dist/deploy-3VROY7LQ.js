import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DeployFailure,
  deploy,
  lockDurationSeconds
} from "./chunk-X3FFUUHF.js";
import {
  hasChanges
} from "./chunk-4XGH4CQM.js";
import "./chunk-RFIBA7BV.js";
import "./chunk-AOKBNH4L.js";
import "./chunk-XHOIX6BS.js";
import "./chunk-RYYIA2YU.js";
import "./chunk-YTCUNYYB.js";
import "./chunk-M4MZUY2E.js";
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
