import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DeployFailure,
  deploy,
  run
} from "./chunk-JLK2ZRRS.js";
import "./chunk-UT6ADHAF.js";
import "./chunk-MRQBS5OJ.js";
import "./chunk-WQX7T4TS.js";
import "./chunk-JEENOUFZ.js";
import "./chunk-MBWMQENB.js";
import "./chunk-GP3QOQZR.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-5QFKXFY6.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";
export {
  DeployFailure,
  deploy,
  run
};
