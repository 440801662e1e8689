import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  changesExitCode,
  diff,
  run
} from "./chunk-MEZPNYJU.js";
import "./chunk-GZJH4SXY.js";
import "./chunk-NPQIMX4E.js";
import "./chunk-SEJCNGKF.js";
import "./chunk-UXQH56N2.js";
import "./chunk-WZ6WDVB4.js";
import "./chunk-3L3PMYXO.js";
import "./chunk-E6UC2PR5.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-5QFKXFY6.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";
export {
  changesExitCode,
  diff,
  run
};
