import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  render,
  run
} from "./chunk-EERK2Z3U.js";
import "./chunk-ZMWVFO7C.js";
import "./chunk-YKQKCZGO.js";
import "./chunk-7OISSPAG.js";
import "./chunk-JZXUCSMZ.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";
export {
  render,
  run
};
