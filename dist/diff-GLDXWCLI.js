import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  changesExitCode,
  diff,
  run
} from "./chunk-YITVOYVT.js";
import "./chunk-XJQVQPYR.js";
import "./chunk-S2CSFZNV.js";
import "./chunk-PB36X7AD.js";
import "./chunk-UCBMF6WJ.js";
import "./chunk-33UWOCKR.js";
import "./chunk-QWADTDFO.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-5QFKXFY6.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";
export {
  changesExitCode,
  diff,
  run
};
