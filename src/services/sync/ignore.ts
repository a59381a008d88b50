// Which paths in a synced folder are plan files. Only Markdown files count; version-control and
// dependency folders, the sync's own `.scrumdown` folder, hidden files, and the temporary and
// backup files editors write beside the file they save (vim's `.x.swp` and `4913`, emacs's
// `.#x` and `#x#`, `x~`, `x.bak`, atomic-save temp files) are never synced.

const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', 'node_modules', '.scrumdown']);

const PLAN_EXTENSION = /\.(md|markdown)$/i;

/** Editor leftovers that can still end in .md (or are tested before the extension is). */
const EDITOR_FILE = /^(\.|#.*#$|4913$)|~$|\.(swp|swo|swx|bak|orig|tmp|temp)$/i;

/** True when `relativePath` (slash-separated, inside the folder) is not to be synced. */
export function isIgnored(relativePath: string): boolean {
  const parts = relativePath.split('/');
  const name = parts[parts.length - 1];
  return parts.slice(0, -1).some((folder) => IGNORED_FOLDERS.has(folder) || folder.startsWith('.')) || IGNORED_FOLDERS.has(name) || EDITOR_FILE.test(name);
}

/** True for a Markdown file the folder sync keeps in step with the server. */
export function isPlanPath(relativePath: string): boolean {
  return PLAN_EXTENSION.test(relativePath) && !isIgnored(relativePath);
}
