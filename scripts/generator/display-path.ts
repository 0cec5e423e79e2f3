import path from 'node:path';

/**
 * A path as a maintainer types it: relative to the folder the command runs in (`cwd`), forward
 * slashes. Output that mentions a path must not depend on where the repository is checked out.
 * URLs are shown as they are.
 */
export function toDisplayPath(file: string, cwd: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return file;
  const relative = path.relative(cwd, path.resolve(cwd, file));
  const shown = relative === '' ? '.' : relative;
  return shown.split(path.sep).join('/');
}
