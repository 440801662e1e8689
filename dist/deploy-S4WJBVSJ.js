import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DeployFailure,
  deploy,
  lockDurationSeconds
} from "./chunk-XJY6JTIV.js";
import {
  hasChanges
} from "./chunk-TMNWHZFU.js";
import "./chunk-GSUZMBFG.js";
import "./chunk-MZY24T24.js";
import "./chunk-6KGRHWON.js";
import "./chunk-ZMWVFO7C.js";
import "./chunk-YKQKCZGO.js";
import "./chunk-JZXUCSMZ.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";
export {
  DeployFailure,
  deploy,
  hasChanges,
  lockDurationSeconds
};
