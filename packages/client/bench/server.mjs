/**
 * The bench's HTTP server, run in its own process so its work never shares the event loop (or
 * the CPU time slice) with the contenders being measured. It answers every request the way
 * FunctionGraph answers an accepted asynchronous invocation (asyncInvokeFunction), 202 with the
 * request id given as its argument, after reading the whole body, and prints `{"port":…}` as its first stdout line
 * once it listens. Usage: node server.mjs <request-id>
 */
import { createServer } from 'node:http';

const answer = Buffer.from(JSON.stringify({ request_id: process.argv[2] ?? 'request' }));

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(202, { 'content-type': 'application/json', 'content-length': answer.byteLength });
    res.end(answer);
  });
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

// The parent kills this process; closing stdin (parent gone) ends it too.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
