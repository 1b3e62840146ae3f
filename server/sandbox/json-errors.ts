/**
 * FastAPI reports malformed JSON as `loc: ["body", <char offset>]`. V8's `JSON.parse` messages
 * only sometimes carry a position, so a failed parse is re-scanned here to find where it broke.
 * Runs only after `JSON.parse` has already failed, so speed does not matter.
 */
export interface JsonSyntaxError {
  position: number;
  error: string;
}

export function findJsonError(text: string): JsonSyntaxError {
  let i = 0;
  const fail = (error: string): never => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- internal control flow, caught below
    throw { position: i, error } satisfies JsonSyntaxError;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail('Expecting value');
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('Unterminated string starting at');
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return;
      }
      if (code < 0x20) fail('Invalid control character at');
      if (code === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('Invalid \\uXXXX escape');
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) fail('Invalid \\escape');
        i += 2;
        continue;
      }
      i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail('Expecting value');
    else i += match[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('Expecting property name enclosed in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail("Expecting ':' delimiter");
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail("Expecting ',' delimiter");
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail("Expecting ',' delimiter");
      }
    }
    if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail('Extra data');
  } catch (caught) {
    if (typeof caught === 'object' && caught !== null && 'position' in caught) {
      return caught as JsonSyntaxError;
    }
    throw caught;
  }
  // JSON.parse failed but the scan passed (e.g. a lone BOM): point at the start.
  return { position: 0, error: 'Expecting value' };
}
