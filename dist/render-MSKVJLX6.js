import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  render,
  run
<<<<<<<< HEAD:dist/render-MSKVJLX6.js
} from "./chunk-E25V7WBV.js";
import "./chunk-5LZPYCE4.js";
import "./chunk-GP3QOQZR.js";
import "./chunk-5QFKXFY6.js";
========
} from "./chunk-NEFN2FFY.js";
import "./chunk-M4MZUY2E.js";
import "./chunk-YKQKCZGO.js";
import "./chunk-LLYEG4VB.js";
import "./chunk-WZ76NZZT.js";
import "./chunk-R3FHXGE5.js";
>>>>>>>> deploy-speed:dist/render-Y2I3FXJA.js
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";
export {
  render,
  run
};
