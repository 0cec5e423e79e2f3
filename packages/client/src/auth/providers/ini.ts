/**
 * The INI dialect of `~/.huaweicloud/credentials`: `[section]` headers, `key = value` lines,
 * comments starting with `#` or `;`, blank lines. Keys are read in lower case and values trimmed;
 * a value may itself contain `=`. A line that is none of these is refused by number, never
 * quoted: it may hold a secret.
 */

export type IniSections = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** A line that could not be read; `line` counts from 1. */
export class IniSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

export function parseIni(text: string): IniSections {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[\s*([^\]]*?)\s*\]$/.exec(line);
    if (header) {
      if (header[1] === '') throw new IniSyntaxError(index + 1, 'a section header needs a name');
      const name = header[1]!.toLowerCase();
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      return;
    }
    const equals = line.indexOf('=');
    if (equals <= 0) throw new IniSyntaxError(index + 1, line.startsWith('[') ? 'a section header must end with ]' : 'expected `key = value`, a [section] or a comment');
    if (!current) throw new IniSyntaxError(index + 1, 'a key comes before any [section]');
    current.set(line.slice(0, equals).trim().toLowerCase(), line.slice(equals + 1).trim());
  });
  return sections;
}
