import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DeployFailure,
  deploy,
  run
} from "./chunk-CGHEGTJS.js";
import "./chunk-K525JM7E.js";
import "./chunk-Q7KFCQCQ.js";
import "./chunk-X4NRAIAH.js";
import "./chunk-NYCCDUH7.js";
import "./chunk-5SRHDBXT.js";
import "./chunk-GP3QOQZR.js";
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
