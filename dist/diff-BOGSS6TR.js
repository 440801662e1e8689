import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  changesExitCode,
  diff,
  run
} from "./chunk-6DIPPKAW.js";
import "./chunk-TMNWHZFU.js";
import "./chunk-GSUZMBFG.js";
import "./chunk-MZY24T24.js";
import "./chunk-6KGRHWON.js";
import "./chunk-ZMWVFO7C.js";
import "./chunk-JLOED3Y4.js";
import "./chunk-YKQKCZGO.js";
import "./chunk-7OISSPAG.js";
import "./chunk-JZXUCSMZ.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";
export {
  changesExitCode,
  diff,
  run
};
