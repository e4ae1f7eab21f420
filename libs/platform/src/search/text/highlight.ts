import { normaliseWithOffsets } from './normalise';

/** A piece of a display field, with the spans that matched the query (UTF-16 offsets into `text`, end exclusive). */
export interface Snippet {
  text: string;
  marks: Array<{ start: number; end: number }>;
}

export interface HighlightOptions {
  /** Longest snippet, in characters of the source, before the ellipses; the whole text when absent. */
  maxLength?: number;
}

type Span = { start: number; end: number };

function occurrences(text: string, terms: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const term of terms) {
    if (term.length === 0) continue;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      spans.push({ start: at, end: at + term.length });
    }
  }
  return spans;
}

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The window of `maxLength` source characters that holds the most marked characters. */
function bestWindow(marks: Span[], sourceLength: number, maxLength: number): Span {
  let best = { start: 0, end: Math.min(sourceLength, maxLength) };
  let bestCovered = -1;
  for (const anchor of marks) {
    // Start a little before a mark so it reads in context.
    const start = Math.max(0, Math.min(anchor.start - Math.floor(maxLength / 5), sourceLength - maxLength));
    const end = Math.min(sourceLength, start + maxLength);
    const covered = marks.reduce((sum, m) => sum + Math.max(0, Math.min(end, m.end) - Math.max(start, m.start)), 0);
    if (covered > bestCovered) {
      best = { start, end };
      bestCovered = covered;
    }
  }
  return best;
}

/**
 * Marks where the (normalised) query terms occur in `source`. Matching runs on the normalised
 * text, so ＡＩ in a title is marked for a query ai; the marks point into the original text.
 */
export function highlight(source: string, terms: readonly string[], options: HighlightOptions = {}): Snippet {
  const { text, sourceOffsets } = normaliseWithOffsets(source);
  const marks = merge(occurrences(text, terms)).map(({ start, end }) => {
    const from = sourceOffsets[start];
    const to = Math.max(sourceOffsets[end], from + 1);
    return { start: from, end: Math.min(to, source.length) };
  });
  const maxLength = options.maxLength;
  if (maxLength === undefined || source.length <= maxLength) return { text: source, marks };
  const window = bestWindow(marks, source.length, maxLength);
  const prefix = window.start > 0 ? '…' : '';
  const suffix = window.end < source.length ? '…' : '';
  const inside = marks
    .filter((m) => m.start >= window.start && m.end <= window.end)
    .map((m) => ({ start: m.start - window.start + prefix.length, end: m.end - window.start + prefix.length }));
  return { text: prefix + source.slice(window.start, window.end) + suffix, marks: inside };
}

/** Renders a snippet with tags around the marks, escaping nothing: for logs and tests, not for HTML. */
export function markSnippet(snippet: Snippet, before = '[', after = ']'): string {
  let out = '';
  let at = 0;
  for (const { start, end } of snippet.marks) {
    out += snippet.text.slice(at, start) + before + snippet.text.slice(start, end) + after;
    at = end;
  }
  return out + snippet.text.slice(at);
}
