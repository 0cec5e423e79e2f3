/**
 * Ctrl-C (SIGINT), installed from the tarballs: fgs waiting for an event on a stdin that never
 * closes stops at the first interrupt, says nothing was sent, and exits 130, as shells expect.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { URN, useFgs } from './helpers/fgs-fixture.js';

const fixture = useFgs();

describe('fgs and Ctrl-C', () => {
  it('stops waiting for stdin at the first SIGINT: exit 130, nothing sent', async () => {
    const child = spawn(process.execPath, [fixture.fgs.bin, 'invoke', URN, ...fixture.endpoint], {
      env: { ...process.env, HOME: fixture.fgs.home, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Long enough for the process to start and begin reading; stdin stays open, as a pipe nobody writes to.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    child.kill('SIGINT');
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 5_000))]);
    child.kill('SIGKILL');
    expect(code).toBe(130);
    expect(stderr).toBe('error: interrupted while reading the event from stdin; nothing was sent\n');
    expect(fixture.fake.requests).toEqual([]);
  });
});
