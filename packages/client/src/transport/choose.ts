// TEMPORARY stub until the transport branch lands: fetch only.
import { TransportError, type Exchange, type Transport } from './transport.js';

export interface HttpAgent {
  destroy(): void;
}

export function checkAgentOption(agent: unknown, fetch: unknown, _baseUrl: string | undefined): string | undefined {
  if (agent === undefined) return undefined;
  if (fetch !== undefined) return 'and fetch were both given';
  return undefined;
}

export function chooseTransport(options: { fetch?: (url: string, init: RequestInit) => Promise<Response> }): Transport {
  const fetchImpl = options.fetch ?? ((url: string, init: RequestInit) => globalThis.fetch(url, init));
  return {
    send(request): Exchange {
      const controller = new AbortController();
      let abort!: (error: unknown) => void;
      const aborted = new Promise<never>((_, reject) => (abort = reject));
      aborted.catch(() => {});
      const response = Promise.race([
        fetchImpl(request.url, { method: request.method, headers: request.headers, body: request.body, signal: controller.signal, redirect: 'manual' }).then((res) => ({
          status: res.status,
          headers: res.headers,
          text: () => Promise.race([res.text(), aborted]).catch((error) => { throw new TransportError(String(error?.cause?.code ?? error?.message), true, { cause: error }); }),
        })),
        aborted,
      ]).catch((error) => {
        if (error instanceof TransportError) throw error;
        const cause = error?.cause;
        const notSent = cause?.code === 'ECONNREFUSED' || cause?.syscall === 'connect';
        throw new TransportError(String(cause?.code ?? error?.message), !notSent, { cause: error });
      });
      return { response, abort: () => { controller.abort(); abort(new TransportError('aborted', true)); } };
    },
  };
}
