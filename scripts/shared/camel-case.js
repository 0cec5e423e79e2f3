// How a wire name becomes an identifier: the generator names inputs, outputs and methods with it,
// and the lint rule `client-names` predicts those names with it to find clashes. Plain JavaScript,
// because the Redocly plugin that holds the rule cannot import TypeScript (types: camel-case.d.ts).

/** Words a generated identifier may not be; such a name gets a trailing `_`. */
export const reservedWords = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(' '),
);

function words(text) {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function toIdentifier(name) {
  let result = name === '' ? 'operation' : name;
  if (/^[0-9]/.test(result)) result = `_${result}`;
  if (reservedWords.has(result)) result = `${result}_`;
  return result;
}

/** `project_id` → `projectId`, `X-Request-Id` → `xRequestId`, `find pets by ID` → `findPetsById`. */
export function camelCase(text) {
  const joined = words(String(text))
    .map((word, index) => {
      const lower = /^[A-Z0-9]+$/.test(word) || index === 0 ? word.toLowerCase() : word;
      return index === 0 ? lower.charAt(0).toLowerCase() + lower.slice(1) : capitalize(lower);
    })
    .join('');
  return toIdentifier(joined);
}
