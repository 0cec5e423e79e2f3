/**
 * The Node transport's body reading: the bytes of an answer to text, decompressed first when the
 * server sent them `gzip`, `deflate` or `br` encoded, so the runtime reads the same text as fetch
 * gives. The rules are fetch's (undici's): codings are undone last first; an unknown coding (even
 * `identity`) leaves the body as it came; more than five is refused; decoding is lenient about a
 * stream cut short (as curl and browsers are), but bytes that are not the coding they claim fail.
 * Text is UTF-8, a leading byte order mark dropped, as `Response.text()` does.
 */
import { nodeBuiltin } from '../runtime/node-builtin.js';
import { TransportError } from './transport.js';

/** Where a decoded body goes. */
export interface BodyDecoder {
  decoded(text: string): void;
  failed(error: TransportError): void;
}

type Callback = (error: Error | null, result: Uint8Array) => void;
type OneShot = (bytes: Uint8Array, options: Record<string, number>, callback: Callback) => void;

/** The parts of `node:zlib` used here; each one-shot call runs on Node's thread pool, off the event loop. */
interface NodeZlib {
  gunzip: OneShot;
  inflate: OneShot;
  inflateRaw: OneShot;
  brotliDecompress: OneShot;
  constants: { Z_SYNC_FLUSH: number; BROTLI_OPERATION_FLUSH: number };
}

const maxCodings = 5;
const utf8 = new TextDecoder();
let zlib: NodeZlib | undefined;

export function decodeBody(chunks: Uint8Array[], contentEncoding: string | null, sink: BodyDecoder): void {
  const bytes = concat(chunks);
  const codings = contentEncoding ? contentEncoding.toLowerCase().split(',').map((coding) => coding.trim()) : [];
  if (codings.length > maxCodings) {
    sink.failed(new TransportError(`the answer names ${codings.length} content codings; at most ${maxCodings} are decoded`, true));
  } else if (bytes.byteLength === 0 || !codings.every((coding) => decoderFor(coding))) {
    sink.decoded(utf8.decode(bytes));
  } else {
    undo(bytes, codings, codings.length - 1, sink);
  }
}

function decoderFor(coding: string): 'gzip' | 'deflate' | 'br' | undefined {
  return coding === 'gzip' || coding === 'x-gzip' ? 'gzip' : coding === 'deflate' || coding === 'br' ? coding : undefined;
}

/** Undoes `codings[index]`, then the ones before it. */
function undo(bytes: Uint8Array, codings: string[], index: number, sink: BodyDecoder): void {
  if (index < 0) return sink.decoded(utf8.decode(bytes));
  zlib ??= nodeBuiltin<NodeZlib>('node:zlib')!;
  const { Z_SYNC_FLUSH, BROTLI_OPERATION_FLUSH } = zlib.constants;
  const coding = decoderFor(codings[index]!)!;
  const next: Callback = (error, result) => {
    if (error) sink.failed(new TransportError(`the ${coding} body could not be decoded (${error.message})`, true, { cause: error }));
    else undo(result, codings, index - 1, sink);
  };
  if (coding === 'br') {
    zlib.brotliDecompress(bytes, { flush: BROTLI_OPERATION_FLUSH, finishFlush: BROTLI_OPERATION_FLUSH }, next);
  } else {
    // `deflate` should be a zlib stream, but some servers send raw deflate: the first byte tells them apart.
    const decompress = coding === 'gzip' ? zlib.gunzip : (bytes[0]! & 0x0f) === 8 ? zlib.inflate : zlib.inflateRaw;
    decompress(bytes, { flush: Z_SYNC_FLUSH, finishFlush: Z_SYNC_FLUSH }, next);
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
