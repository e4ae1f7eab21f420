/**
 * Text normalisation shared by indexing, querying and highlighting: NFKC folds full-width
 * letters, digits and punctuation to their half-width forms (ＡＩ → AI, １２ → 12, ， → ,),
 * then everything is lower-cased and runs of white space become one space.
 */

/** A normalised text with, for each of its UTF-16 units, the offset of the source unit it came from. */
export interface NormalisedText {
  text: string;
  /** `sourceOffsets[i]` is where `text[i]` starts in the source; one extra entry holds the source length. */
  sourceOffsets: number[];
}

function foldCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return char.toLowerCase();
  return char.normalize('NFKC').toLowerCase();
}

function isSpace(char: string): boolean {
  return /\s/u.test(char);
}

/**
 * Normalises `source` one code point at a time, remembering where each output unit came from,
 * so that matches found in the normalised text can be marked in the original.
 */
export function normaliseWithOffsets(source: string): NormalisedText {
  let text = '';
  const sourceOffsets: number[] = [];
  let offset = 0;
  // Where the run of white space waiting to be written as one space began, if any.
  let spaceAt: number | null = null;
  for (const char of source) {
    const folded = foldCodePoint(char);
    if (folded.length === 0 || isSpace(folded)) {
      if (spaceAt === null && text.length > 0) spaceAt = offset;
    } else {
      if (spaceAt !== null) {
        text += ' ';
        sourceOffsets.push(spaceAt);
        spaceAt = null;
      }
      for (let i = 0; i < folded.length; i++) sourceOffsets.push(offset);
      text += folded;
    }
    offset += char.length;
  }
  sourceOffsets.push(source.length);
  return { text, sourceOffsets };
}

/** The normalised form of `source` (see the file comment). */
export function normalise(source: string): string {
  return normaliseWithOffsets(source).text;
}

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True for Chinese characters (Han script), which are segmented rather than split on spaces. */
export function isHan(text: string): boolean {
  return HAN.test(text);
}

/** True when the token carries meaning (has a letter or a digit), not only punctuation or space. */
export function isWordLike(token: string): boolean {
  return WORD_CHAR.test(token);
}
