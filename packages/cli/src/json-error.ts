/**
 * Where JSON text stops being JSON, for an error that says so: V8's `JSON.parse` messages on Node
 * 20 often give no position ("Unexpected token '}', ... is not valid JSON"). A small scanner that
 * follows RFC 8259's grammar, run only after `JSON.parse` has failed.
 */
export interface JsonProblem {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters. */
  readonly column: number;
  /** What the grammar wanted there, and what was found. */
  readonly reason: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

function scanner(text: string) {
  let at = 0;
  const fail = (expected: string): never => {
    throw new Stop(at, expected);
  };
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const take = (char: string, expected: string) => (text[at] === char ? at++ : fail(expected));
  const string = () => {
    take('"', 'a string');
    for (;;) {
      const char = text[at];
      if (char === undefined) fail('the closing " of a string');
      if (char === '"') return void at++;
      if (char! < ' ') fail('no raw control character inside a string (write \\n, \\t)');
      if (char === '\\') {
        at++;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('four hex digits after \\u');
          at += 5;
        } else if ('"\\/bfnrt'.includes(text[at] ?? '!')) at++;
        else fail('an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX');
      } else at++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail('a value (an object, array, string, number, true, false or null)');
    at += match![0].length;
  };
  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === '{') return object();
    if (char === '[') return array();
    if (char === '"') return string();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, at)) return void (at += word.length);
    number();
  };
  const members = (close: string, member: () => void, what: string) => {
    at++;
    skipSpace();
    if (text[at] === close) return void at++;
    for (;;) {
      member();
      skipSpace();
      if (text[at] === close) return void at++;
      take(',', `',' or '${close}' after ${what}`);
    }
  };
  const object = () =>
    members(
      '}',
      () => {
        skipSpace();
        string();
        skipSpace();
        take(':', "':' after a property name");
        value();
      },
      'a property value',
    );
  const array = () => members(']', value, 'an array element');
  return {
    document() {
      value();
      skipSpace();
      if (at < text.length) fail('the end of the text after one JSON value');
    },
  };
}

function found(text: string, offset: number): string {
  if (offset >= text.length) return 'the text ended';
  return `found ${JSON.stringify(text.slice(offset, offset + 12))}`;
}

/** The first place `text` breaks JSON's grammar, or undefined when it is JSON. */
export function locateJsonProblem(text: string): JsonProblem | undefined {
  try {
    scanner(text).document();
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { line, column, reason: `expected ${error.expected}, ${found(text, error.offset)}` };
  }
}
