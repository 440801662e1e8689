import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  openEnvironment,
  openedFrom,
  startEnvironment
} from "./chunk-J3WNSU2D.js";
import "./chunk-I3JNE5F2.js";
import "./chunk-PRALPFIX.js";
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
