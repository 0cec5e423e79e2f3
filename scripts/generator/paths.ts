import path from 'node:path';

/**
 * Paths as a maintainer types them: relative to the working directory, forward slashes. Output
 * that mentions a path must not depend on where the repository is checked out.
 */
export function toDisplayPath(file: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return file;
  const relative = path.relative(process.cwd(), path.resolve(file));
  const shown = relative === '' ? '.' : relative;
  return shown.split(path.sep).join('/');
}
