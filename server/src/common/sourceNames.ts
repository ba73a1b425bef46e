// The name a source is shown by (a report's sources, a bounce without Message-ID): its file name,
// decoded. Imports nothing: the handlers of the worker's small first bundle use it.

/** The last part of a URI's path, decoded, for display ("mail.log", "Untitled-1" of untitled:Untitled-1); the URI itself when it has none. */
export function sourceNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const slash = path.lastIndexOf('/');
  const name = slash >= 0 ? path.slice(slash + 1) : path.slice(path.indexOf(':') + 1);
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}
