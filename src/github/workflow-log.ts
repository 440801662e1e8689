/**
 * The step's log, where text from users' files (DAG sources, file names,
 * import errors, cluster messages) is data and never a workflow command. The
 * runner trims leading whitespace from every line and runs any line that then
 * starts with `::`; so plain text is printed only while commands are stopped
 * (`::stop-commands::TOKEN`), and commands are resumed (`::TOKEN::`) just
 * before the action issues one of its own. The token is fresh and random each
 * time, so no text printed in between can know it and resume commands itself.
 */
import { randomBytes } from 'node:crypto';

export class WorkflowLog {
  private readonly write: (line: string) => void;
  private token: string | undefined;

  /** `write` prints one line to the step's stdout (the runner reads commands there). */
  constructor(write: (line: string) => void) {
    this.write = write;
  }

  /** Prints text that may hold anything; every line of it stays plain text. */
  text(text: string): void {
    if (this.token === undefined) {
      this.token = randomBytes(16).toString('hex');
      this.write(`::stop-commands::${this.token}`);
    }
    for (const line of text.split(/\r\n|\r|\n/)) this.write(line);
  }

  /** Resumes commands, then runs `issue`, which prints one of the action's own (escaped) commands. */
  command(issue: () => void): void {
    this.resume();
    issue();
  }

  /** Resumes commands: call before the step ends, so that later steps' commands work. */
  resume(): void {
    if (this.token === undefined) return;
    this.write(`::${this.token}::`);
    this.token = undefined;
  }
}
