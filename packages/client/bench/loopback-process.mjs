/**
 * Starts bench/server.mjs in a child process and resolves once it reports its port.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const serverScript = fileURLToPath(new URL('./server.mjs', import.meta.url));

/** The request id the server puts in every answer; contenders check they got it. */
export const REQUEST_ID = '5c1f07b4-2f9c-4a6e-9d3e-8f0a1b2c3d4e';

/** @returns {Promise<{ url: string, pid: number, stop: () => Promise<void> }>} */
export async function startServerProcess() {
  const child = spawn(process.execPath, [serverScript, REQUEST_ID], { stdio: ['pipe', 'pipe', 'inherit'] });
  const stopNow = () => child.kill();
  // If the bench dies, the server must not outlive it.
  process.once('exit', stopNow);
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line),
    once(child, 'exit').then(([code]) => {
      throw new Error(`bench server exited early (code ${code})`);
    }),
  ]);
  lines.close();
  const { port } = JSON.parse(first);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      process.off('exit', stopNow);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    },
  };
}
