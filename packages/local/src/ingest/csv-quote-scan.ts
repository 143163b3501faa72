import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** A quote that opens a field and does not close where a CSV record plausibly ends. */
export interface RunawayQuote {
  /** 1-based line on which the quote opens (the line that is quarantined). */
  readonly line: number;
  /** Line on which reading on would have closed it (or given up, see `capped`); null: the end of the file. */
  readonly until: number | null;
  /** The field was still open after the most lines a record may span; it would have run further. */
  readonly capped: boolean;
  /** Byte range of that line's content (without its line break). */
  readonly start: number;
  readonly end: number;
}

export interface CsvScan {
  /** Physical lines of the file, the header included. */
  readonly lines: number;
  readonly runaways: readonly RunawayQuote[];
}

const QUOTE = 0x22;
const NL = 0x0a;
const CR = 0x0d;

/** How far past the record-length limit a runaway's end is looked for, for the message. */
const LOOKAHEAD_LINES = 100_000;

/**
 * The line of the first unescaped quote at or after `pos` (on `line`), i.e. where a quoted field
 * open there would close; null line: the end of the file. Remembers the last answer, so many
 * stray quotes before the same closing quote (or before the end) cost one look between them.
 */
class QuoteFinder {
  private last: { from: number; to: number; line: number | null; capped: boolean } | null = null;
  constructor(private readonly bytes: ByteWindow) {}

  closingLine(pos: number, line: number, maxLines: number): { line: number | null; capped: boolean } {
    const m = this.last;
    if (m && !m.capped && pos >= m.from && pos <= m.to) return { line: m.line, capped: false };
    const from = pos;
    const lastLine = line + maxLines;
    for (;;) {
      const b = this.bytes.at(pos);
      if (b === -1) {
        this.last = { from, to: Number.POSITIVE_INFINITY, line: null, capped: false };
        return { line: null, capped: false };
      }
      if (b === QUOTE) {
        if (this.bytes.at(pos + 1) !== QUOTE) {
          this.last = { from, to: pos, line, capped: false };
          return { line, capped: false };
        }
        pos++;
      } else if (b === NL && ++line > lastLine) return { line: line - 1, capped: true };
      pos++;
    }
  }
}

/** Random access to a file's bytes through a 1 MB window (the scan may step back a few lines). */
class ByteWindow {
  private readonly buffer = Buffer.alloc(1 << 20);
  private from = 0;
  private length = 0;
  constructor(private readonly fd: number) {}

  /** The byte at `pos`, or -1 past the end. */
  at(pos: number): number {
    if (pos < this.from || pos >= this.from + this.length) {
      this.from = pos;
      this.length = readSync(this.fd, this.buffer, 0, this.buffer.length, pos);
      if (this.length === 0) return -1;
    }
    return this.buffer[pos - this.from]!;
  }

  /** Where `byte` next occurs at or after `pos`, or -1. */
  indexOf(byte: number, pos: number): number {
    for (let from = pos; this.at(from) !== -1; from = this.from + this.length) {
      const i = this.buffer.indexOf(byte, from - this.from);
      if (i !== -1 && i < this.length) return this.from + i;
    }
    return -1;
  }
}

/**
 * Find quoted fields that would swallow the lines after them: RFC 4180 as DuckDB reads it (a
 * quote opens a field only at its start; "" inside is a quote). A quoted field is a runaway when
 * it is still open at the end of the file, spans more than `maxRecordLines` lines, or closes on a
 * later line with text right after the closing quote (the next line's opening quote taken as the
 * close). Each runaway is reported by the line its quote opens on, and the scan resumes on the
 * next line, so the rows after it are read on their own. A field that legitimately spans a few
 * lines is one record and no runaway.
 */
export function scanCsvQuotes(file: string, delimiter: string, maxRecordLines: number): CsvScan {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new ByteWindow(fd);
    const quotes = new QuoteFinder(new ByteWindow(fd));
    const delim = delimiter.charCodeAt(0);
    const runaways: RunawayQuote[] = [];
    let line = 1;
    let lineStart = 0;
    let pos = 0;
    // The open quoted field: the line it began on, that line's start, and the next line's start (0 = not yet seen).
    let open: { line: number; lineStart: number; nextLineStart: number } | null = null;
    const contentEnd = (from: number, to: number) => (to > from && bytes.at(to - 1) === CR ? to - 1 : to);
    /** Report the open quote's line and resume on the line after it, as if that line were empty. */
    const runaway = (
      o: { line: number; lineStart: number; nextLineStart: number },
      until: number | null,
      capped = false,
    ) => {
      runaways.push({
        line: o.line,
        until,
        capped,
        start: o.lineStart,
        end: contentEnd(o.lineStart, o.nextLineStart - 1),
      });
      line = o.line + 1;
      lineStart = o.nextLineStart;
      pos = o.nextLineStart;
      open = null;
    };
    // From quote to quote (Buffer.indexOf), counting the line breaks between them.
    for (;;) {
      const quote = bytes.indexOf(QUOTE, pos);
      const until = quote === -1 ? size : quote;
      if (!open) {
        for (let nl = bytes.indexOf(NL, pos); nl !== -1 && nl < until; nl = bytes.indexOf(NL, nl + 1)) {
          line++;
          lineStart = nl + 1;
        }
        if (quote === -1) break;
        // A quote opens a field only at the field's start.
        const before = quote === 0 ? NL : bytes.at(quote - 1);
        if (before === delim || before === NL) open = { line, lineStart, nextLineStart: 0 };
        pos = quote + 1;
        continue;
      }
      const o: { line: number; lineStart: number; nextLineStart: number } = open;
      let ranAway = false;
      for (let nl = bytes.indexOf(NL, pos); nl !== -1 && nl < until; nl = bytes.indexOf(NL, nl + 1)) {
        if (o.nextLineStart === 0) o.nextLineStart = nl + 1;
        line++;
        lineStart = nl + 1;
        if (line - o.line + 1 > maxRecordLines) {
          // Name the lines it would really have swallowed: look on to its closing quote.
          const end = quotes.closingLine(nl + 1, line, LOOKAHEAD_LINES);
          runaway(o, end.line, end.capped);
          ranAway = true;
          break;
        }
      }
      if (ranAway) continue;
      if (quote === -1) {
        if (o.nextLineStart !== 0) {
          runaway(o, null);
          continue;
        }
        // Open on the last line: nothing follows it to re-read.
        runaways.push({
          line: o.line,
          until: null,
          capped: false,
          start: o.lineStart,
          end: contentEnd(o.lineStart, size),
        });
        break;
      }
      const next = bytes.at(quote + 1);
      if (next === QUOTE) {
        pos = quote + 2;
        continue;
      }
      // A field spanning lines must close right before a delimiter or line break; else this
      // quote opened a field on a later line and the first quote was a stray one.
      if (line > o.line && next !== delim && next !== NL && next !== CR && next !== -1) {
        runaway(o, line);
        continue;
      }
      open = null;
      pos = quote + 1;
    }
    return { lines: size > lineStart ? line : line - 1, runaways };
  } finally {
    closeSync(fd);
  }
}
