import { isOoxml } from '@kuaizhuan/platform';

/** Files a deal room accepts, recognised by their first bytes and their name's extension. */
const KINDS = [
  { type: 'application/pdf', extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46] },
  { type: 'image/png', extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47] },
  { type: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
] as const;

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = KINDS.flatMap((k) => k.extensions);

/**
 * The content type of an accepted file, or null when its content and name are not one of the kinds.
 * A DOCX or XLSX must also be a real Office Open XML package, not just bytes starting `PK`.
 */
export async function attachmentType(fileName: string, content: Buffer): Promise<string | null> {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const kind = KINDS.find(
    (k) => (k.extensions as readonly string[]).includes(extension) && k.magic.every((byte, i) => content[i] === byte),
  );
  if (!kind) return null;
  if ((extension === 'docx' || extension === 'xlsx') && !(await isOoxml(content, extension))) return null;
  return kind.type;
}
