import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DeployFailure,
  deploy,
  lockDurationSeconds
} from "./chunk-CFN32TEN.js";
import {
  hasChanges
} from "./chunk-NF3AEEAH.js";
import "./chunk-QICQCTBN.js";
import "./chunk-U7RMHQIQ.js";
import "./chunk-XHOIX6BS.js";
import "./chunk-XEQNQUDP.js";
import "./chunk-3P7K43RA.js";
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
