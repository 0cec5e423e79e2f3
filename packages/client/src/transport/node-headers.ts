/**
 * An answer's headers, as the Node transport hands them on: a real `Headers` (it is `instanceof
 * Headers`, and every method behaves as on any other), filled from Node's raw list only when first
 * needed. Filling costs about 0.4 µs a header, since undici checks every name and value again,
 * while a lookup in the raw list costs less than a `Headers` lookup: so `get` and `has`, all most
 * callers use, read the raw list, and anything else (iterating, changing, inspecting) fills it
 * first. Node's HTTP parser has already refused every name and value a `Headers` would refuse, and
 * trimmed values as `Headers` does, so both ways give the same answers.
 */

/** A header name (an HTTP token); anything else goes to `Headers` itself, which throws as it should. */
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const inspect = Symbol.for('nodejs.util.inspect.custom');

export class RawHeaders extends Headers {
  /** Names and values as they arrived, [name, value, …], until the Headers is filled. */
  #raw: string[] | undefined;

  constructor(raw: string[]) {
    super();
    this.#raw = raw;
  }

  /** Fills the Headers from the raw list, once. */
  #filled(): void {
    const raw = this.#raw;
    if (raw === undefined) return;
    this.#raw = undefined;
    for (let i = 0; i < raw.length; i += 2) super.append(raw[i]!, raw[i + 1]!);
  }

  /** Every value of `name` in the raw list, joined with ", " as `Headers.get` joins them; `undefined` when the list cannot answer. */
  #lookUp(name: string): string | null | undefined {
    const raw = this.#raw;
    if (raw === undefined || !token.test(name)) return undefined;
    const wanted = name.toLowerCase();
    let value: string | null = null;
    for (let i = 0; i < raw.length; i += 2) {
      const key = raw[i]!;
      if (key.length === wanted.length && key.toLowerCase() === wanted) value = value === null ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
    }
    return value;
  }

  override get(name: string): string | null {
    const value = this.#lookUp(String(name));
    if (value !== undefined) return value;
    this.#filled();
    return super.get(name);
  }

  override has(name: string): boolean {
    const value = this.#lookUp(String(name));
    if (value !== undefined) return value !== null;
    this.#filled();
    return super.has(name);
  }

  override append(name: string, value: string): void {
    this.#filled();
    super.append(name, value);
  }

  override set(name: string, value: string): void {
    this.#filled();
    super.set(name, value);
  }

  override delete(name: string): void {
    this.#filled();
    super.delete(name);
  }

  override getSetCookie(): string[] {
    this.#filled();
    return super.getSetCookie();
  }

  override forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.#filled();
    super.forEach(callback, thisArg);
  }

  override entries(): HeadersIterator<[string, string]> {
    this.#filled();
    return super.entries();
  }

  override keys(): HeadersIterator<string> {
    this.#filled();
    return super.keys();
  }

  override values(): HeadersIterator<string> {
    this.#filled();
    return super.values();
  }

  override [Symbol.iterator](): HeadersIterator<[string, string]> {
    this.#filled();
    return super[Symbol.iterator]();
  }

  /** `console.log(headers)` shows what a Headers shows. */
  [inspect](...args: unknown[]): unknown {
    this.#filled();
    const inherited = (Headers.prototype as unknown as Record<symbol, ((...args: unknown[]) => unknown) | undefined>)[inspect];
    return inherited ? inherited.apply(this, args) : this;
  }
}
