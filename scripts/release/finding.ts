import type { Level } from './bump.js';

/** One change between the release baseline and the working tree, with where it was seen. */
export interface Finding {
  /**
   * spec: Redocly's diff; typescript: the public `.d.ts`; cli: the command line's surface
   * (cli-surface.ts); generator/runtime/tools: the fingerprint.
   */
  readonly origin: 'spec' | 'typescript' | 'cli' | 'generator' | 'runtime' | 'tools';
  readonly level: Level;
  /** What changed: a JSON pointer, an exported name, a command or option, a file or a tool. */
  readonly subject: string;
  readonly message: string;
  /** The rule that rated it, when a rule did. */
  readonly rule?: string;
}
