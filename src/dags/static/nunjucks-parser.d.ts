/** The parser module of nunjucks (CommonJS, untyped): what jinja.ts uses of it. */
declare module 'nunjucks/src/parser.js' {
  /** A node of the syntax tree: `fields` names the properties that hold its children. */
  export type TemplateNode = {
    typename: string;
    fields: string[];
    lineno: number;
    colno: number;
    value?: unknown;
    children?: TemplateNode[];
    [field: string]: unknown;
  };
  const parser: { parse(source: string): TemplateNode };
  export default parser;
}
