import type { DocumentText } from './text/analyser';
import type { SearchDocument } from './search-document';

/** The searchable text of a document, by field (title A, keywords B, summary C, other D). */
export function documentText(doc: SearchDocument): DocumentText {
  return { title: doc.title, keywords: doc.keywords, summary: doc.summary, other: doc.otherText };
}

/** The document as stored and returned: updatedAt as ISO text, optional lists present. */
export function storedDocument(doc: SearchDocument): SearchDocument {
  return {
    ...doc,
    keywords: doc.keywords ?? [],
    summary: doc.summary ?? '',
    otherText: doc.otherText ?? [],
    fieldCodes: doc.fieldCodes ?? [],
    regionCodes: doc.regionCodes ?? [],
    maturity: doc.maturity ?? null,
    ipTypes: doc.ipTypes ?? [],
    transferModes: doc.transferModes ?? [],
    institution: doc.institution ?? null,
    amount: doc.amount ?? null,
    display: doc.display ?? {},
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
