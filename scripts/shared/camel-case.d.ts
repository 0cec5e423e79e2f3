/** Words a generated identifier may not be; such a name gets a trailing `_`. */
export declare const reservedWords: ReadonlySet<string>;
/** `project_id` → `projectId`, `X-Request-Id` → `xRequestId`, `find pets by ID` → `findPetsById`. */
export declare function camelCase(text: string): string;
