import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DeployFailure,
  deploy,
  run
} from "./chunk-HQF2YPV2.js";
import "./chunk-QTYKUAFO.js";
import "./chunk-JVJKXLZC.js";
import "./chunk-LWR7H4NV.js";
import "./chunk-TOJSQIMK.js";
import "./chunk-5LZPYCE4.js";
import "./chunk-GP3QOQZR.js";
import "./chunk-5QFKXFY6.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";
export {
  DeployFailure,
  deploy,
  run
};
