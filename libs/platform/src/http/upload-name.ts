/**
 * An uploaded file's name as the user wrote it. Multipart parsing hands over the UTF-8 bytes of
 * a name read as Latin-1 (成果.csv arrives as æ\u0088\u0090æ\u009e\u009c.csv); a name that is valid UTF-8
 * once read back is restored, any other is kept as it came.
 */
export function uploadedName(raw: string): string {
  if ([...raw].some((char) => char.charCodeAt(0) > 0xff)) return raw;
  const decoded = Buffer.from(raw, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? raw : decoded;
}
