/** The replies python/import_worker.py sends (see python/parse_file.py for the fields). */

export type RaisedError = {
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  dag_id: string | null;
  task_id: string | null;
  /** The dags-folder files the error passed through, outermost first: [absolute path, line]. */
  chain?: [string, number][];
};

export type ParsedReply = {
  outcome: 'parsed';
  duration_s: number;
  dags: { dag_id: string; tasks: number }[];
  has_error: boolean;
  errors: RaisedError[];
  warnings: { message: string; category: string; file: string | null; line: number | null }[];
  inflation: { line: number; column: number; code: string; message: string }[];
  dependencies: string[];
};

export type ImportReply =
  | ParsedReply
  | { outcome: 'timeout'; duration_s: number }
  | { outcome: 'died'; how: string; duration_s: number }
  | { outcome: 'crashed'; message: string };
