import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  render,
  run
} from "./chunk-WYT4BAE5.js";
import "./chunk-PRALPFIX.js";
import "./chunk-YKQKCZGO.js";
import "./chunk-LLYEG4VB.js";
import "./chunk-WZ76NZZT.js";
import "./chunk-R3FHXGE5.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";
export {
  render,
  run
};
