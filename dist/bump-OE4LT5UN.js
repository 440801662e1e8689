import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  bump,
  checkedRef,
  run
} from "./chunk-6PH3BHAF.js";
import "./chunk-HA2VP2ES.js";
import "./chunk-64HCW6T5.js";
import "./chunk-27TEZR2O.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XWJVXINM.js";
import "./chunk-XNDQ27F5.js";
export {
  bump,
  checkedRef,
  run
};
