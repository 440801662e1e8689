import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  openEnvironment,
  openedFrom,
  startEnvironment
} from "./chunk-RFIBA7BV.js";
import "./chunk-YTCUNYYB.js";
import "./chunk-M4MZUY2E.js";
import "./chunk-YKQKCZGO.js";
import "./chunk-R3FHXGE5.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";
export {
  openEnvironment,
  openedFrom,
  startEnvironment
};
