import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/github/workflow-log.ts
import { randomBytes } from "node:crypto";
var WorkflowLog = class {
  write;
  token;
  /** `write` prints one line to the step's stdout (the runner reads commands there). */
  constructor(write) {
    this.write = write;
  }
  /** Prints text that may hold anything; every line of it stays plain text. */
  text(text) {
    if (this.token === void 0) {
      this.token = randomBytes(16).toString("hex");
      this.write(`::stop-commands::${this.token}`);
    }
    for (const line of text.split(/\r\n|\r|\n/)) this.write(line);
  }
  /** Resumes commands, then runs `issue`, which prints one of the action's own (escaped) commands. */
  command(issue) {
    this.resume();
    issue();
  }
  /** Resumes commands: call before the step ends, so that later steps' commands work. */
  resume() {
    if (this.token === void 0) return;
    this.write(`::${this.token}::`);
    this.token = void 0;
  }
};

export {
  WorkflowLog
};
