/**
 * writeOutputAtomically when the write itself fails: the output folder must be byte for byte what
 * it was, and no staging (`.generated.new-*`) or retired (`.generated.old-*`) folder may be left
 * beside it. Real filesystem conditions where one stops root too (CI runs as root, where a
 * read-only folder does not stop a write): a path component that is a file, a file name the
 * filesystem refuses. Where no such condition exists (a rename that fails after the old output was
 * moved aside, a crash between two file writes), the file operations are given with one step
 * failing.
 */
import * as fsPromises from 'node:fs/promises';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatorName } from '../../../scripts/generator/provenance.js';
import { writeOutputAtomically, type OutputFs } from '../../../scripts/generator/write/write-output.js';
import { snapshotTree } from '../../helpers/tree.js';

const repo = path.resolve(import.meta.dirname, '../../..');


/** What a new generation would write: the same four names, other contents. */
const newFiles = () =>
  new Map([
    ['openapi.json', '{"openapi":"3.1.0"}\n'],
    ['schema.gen.ts', 'export interface paths {}\n'],
    ['client.gen.ts', 'export {};\n'],
    ['manifest.json', `${JSON.stringify({ generator: { name: generatorName } })}\n`],
  ]);

type Op = keyof OutputFs;

/** An I/O error as Node reports it, naming the step that failed. */
function ioError(code: string, op: Op, target: unknown): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected failure, ${op} '${String(target)}'`), { code, syscall: op });
}

/**
 * The real file operations, except that the `nth` call of `op` fails with `code` (without doing
 * anything). Records every call, so a test can tell the step it meant was reached.
 */
function failingFs(op: Op, nth: number, code = 'EIO'): OutputFs & { calls: string[] } {
  const calls: string[] = [];
  const counts: Partial<Record<Op, number>> = {};
  const wrap =
    <A extends unknown[], R>(name: Op, real: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      counts[name] = (counts[name] ?? 0) + 1;
      calls.push(`${name} ${path.basename(String(args[0]))}`);
      if (name === op && counts[name] === nth) throw ioError(code, name, args[0]);
      return real(...args);
    };
  return {
    calls,
    mkdtemp: wrap('mkdtemp', fsPromises.mkdtemp) as OutputFs['mkdtemp'],
    writeFile: wrap('writeFile', fsPromises.writeFile) as OutputFs['writeFile'],
    rename: wrap('rename', fsPromises.rename) as OutputFs['rename'],
    rm: wrap('rm', fsPromises.rm) as OutputFs['rm'],
  };
}

/** The error a promise rejects with; fails if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<NodeJS.ErrnoException> {
  try {
    await promise;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
  throw new Error('expected the write to fail, but it succeeded');
}

let scratch: string;
let cases = 0;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'fgs-output-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A folder of its own holding `generated/`, a copy of the committed output (ours: it has our manifest). */
async function existingOutput(): Promise<{ parent: string; out: string; before: Record<string, string> }> {
  const parent = path.join(scratch, `case-${++cases}`);
  const out = path.join(parent, 'generated');
  await cp(path.join(repo, 'generated'), out, { recursive: true });
  return { parent, out, before: await snapshotTree(out) };
}

describe('a failure inside the write leaves an existing output folder byte-identical, with nothing beside it', () => {
  it('a file name the filesystem refuses (ENAMETOOLONG), after the other four were staged', async () => {
    const { parent, out, before } = await existingOutput();
    const files = newFiles();
    files.set(`${'x'.repeat(300)}.ts`, 'export {};\n');

    const error = await rejection(writeOutputAtomically(out, files, generatorName));

    expect(error.code).toBe('ENAMETOOLONG');
    expect(await snapshotTree(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['generated']);
  });

  it('a file name whose folder is a file in the staging folder (ENOTDIR)', async () => {
    const { parent, out, before } = await existingOutput();
    const files = newFiles();
    files.set('openapi.json/nested.ts', 'export {};\n');

    const error = await rejection(writeOutputAtomically(out, files, generatorName));

    expect(error.code).toBe('ENOTDIR');
    expect(await snapshotTree(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['generated']);
  });

  // [what fails, the operation, which call of it, the operations made, in order]
  it.each([
    ['the staging folder cannot be made (ENOSPC)', 'mkdtemp', 1, ['mkdtemp']],
    ['a crash between two file writes (EIO on the second)', 'writeFile', 2, ['mkdtemp', 'writeFile', 'writeFile', 'rm']],
    ['the old output cannot be moved aside (EBUSY)', 'rename', 1, ['mkdtemp', 'writeFile', 'writeFile', 'writeFile', 'writeFile', 'rename', 'rm']],
    // The old output is already aside when this fails: the third rename puts it back.
    ['the new output cannot be moved in (EXDEV), after the old one was moved aside', 'rename', 2, ['mkdtemp', 'writeFile', 'writeFile', 'writeFile', 'writeFile', 'rename', 'rename', 'rename', 'rm']],
  ] as const)('%s', async (_label, op, nth, steps) => {
    const { parent, out, before } = await existingOutput();
    const code = op === 'mkdtemp' ? 'ENOSPC' : op === 'rename' && nth === 1 ? 'EBUSY' : op === 'rename' ? 'EXDEV' : 'EIO';
    const fs = failingFs(op, nth, code);

    const error = await rejection(writeOutputAtomically(out, newFiles(), generatorName, { fs }));

    expect(await snapshotTree(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['generated']);
    // The failure was the injected one, at the step meant.
    expect(error.code).toBe(code);
    expect(error.message).toContain('injected failure');
    expect(fs.calls.map((call) => call.split(' ')[0])).toEqual(steps);
  });
});

describe('a failure inside the write creates no output folder where there was none, and leaves nothing', () => {
  it.each([
    ['a crash between two file writes', 'writeFile', 2],
    ['the new output cannot be moved in', 'rename', 1],
  ] as const)('%s', async (_label, op, nth) => {
    const parent = path.join(scratch, `case-${++cases}`);
    await mkdir(parent);
    const out = path.join(parent, 'generated');

    const error = await rejection(writeOutputAtomically(out, newFiles(), generatorName, { fs: failingFs(op, nth) }));

    expect(error.code).toBe('EIO');
    expect(await readdir(parent)).toEqual([]);
  });

  it('an output path below a file (ENOTDIR): the file is untouched', async () => {
    const parent = path.join(scratch, `case-${++cases}`);
    await mkdir(parent);
    await writeFile(path.join(parent, 'a-file'), 'mine\n');

    const error = await rejection(writeOutputAtomically(path.join(parent, 'a-file', 'generated'), newFiles(), generatorName));

    expect(error.code).toBe('ENOTDIR');
    expect(await readFile(path.join(parent, 'a-file'), 'utf8')).toBe('mine\n');
    expect(await readdir(parent)).toEqual(['a-file']);
  });
});

describe('with no failure', () => {
  it('the same file operations replace the output and leave nothing beside it', async () => {
    const { parent, out } = await existingOutput();
    const fs = failingFs('rename', 0);

    await writeOutputAtomically(out, newFiles(), generatorName, { fs });

    expect((await readdir(out)).sort()).toEqual(['client.gen.ts', 'manifest.json', 'openapi.json', 'schema.gen.ts']);
    expect(await readFile(path.join(out, 'client.gen.ts'), 'utf8')).toBe('export {};\n');
    expect(await readdir(parent)).toEqual(['generated']);
    expect(fs.calls.filter((call) => call.startsWith('rename'))).toHaveLength(2);
  });
});
