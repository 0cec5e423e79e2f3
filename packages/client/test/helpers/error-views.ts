/** Every way an error can end up in a log, for the tests that check no secret is in any of them. */
import { inspect } from 'node:util';

export function errorViews(error: Error): [view: string, text: string][] {
  return [
    ['message', error.message],
    ['String()', String(error)],
    ['toString()', error.toString()],
    ['stack', error.stack ?? ''],
    ['inspect', inspect(error, { depth: 6 })],
    ['inspect showHidden', inspect(error, { depth: 6, showHidden: true })],
    ['JSON', JSON.stringify(error)],
    ['cause', inspect((error as { cause?: unknown }).cause, { depth: 6, showHidden: true })],
  ];
}
