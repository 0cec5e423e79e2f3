/**
 * Names in generated code. Every name is derived from the spec by a rule a reader can predict, so
 * the same spec always yields the same identifiers.
 */
const reservedWords = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(' '),
);

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `project_id` → `projectId`, `X-Request-Id` → `xRequestId`, `find pets by ID` → `findPetsById`. */
export function camelCase(text: string): string {
  const parts = words(text);
  const joined = parts
    .map((word, index) => {
      const lower = /^[A-Z0-9]+$/.test(word) || index === 0 ? word.toLowerCase() : word;
      return index === 0 ? lower.charAt(0).toLowerCase() + lower.slice(1) : capitalize(lower);
    })
    .join('');
  return toIdentifier(joined);
}

/** `asyncInvokeReservedFunction` → `AsyncInvokeReservedFunction`. */
export function pascalCase(text: string): string {
  return capitalize(camelCase(text));
}

function toIdentifier(name: string): string {
  let result = name === '' ? 'operation' : name;
  if (/^[0-9]/.test(result)) result = `_${result}`;
  if (reservedWords.has(result)) result = `${result}_`;
  return result;
}

/**
 * A name for an operation that has no `operationId`: the method followed by the path's literal
 * segments, with templated segments as `By<Name>` (`GET /pets/{petId}` → `getPetsByPetId`).
 */
export function deriveOperationName(method: string, path: string): string {
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const template = /^\{(.+)\}$/.exec(segment);
      return template ? `by ${template[1]}` : segment;
    });
  return camelCase([method, ...segments].join(' '));
}
