/** A business licence upload: a scan or photo, or a PDF, recognised by its first bytes. */
const KINDS = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
] as const;

export const MAX_LICENCE_BYTES = 5 * 1024 * 1024;

/** The content type of the file by its content (never its name or the browser's claim), or null. */
export function licenceType(content: Buffer): string | null {
  return KINDS.find((kind) => kind.magic.every((byte, i) => content[i] === byte))?.type ?? null;
}
