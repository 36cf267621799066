// The Content-Disposition of every download the server answers.

/** `attachment` with the name as given (RFC 6266/5987) and a plain fallback for old clients. */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
