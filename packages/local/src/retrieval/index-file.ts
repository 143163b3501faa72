import { closeSync, fstatSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { EmError } from '@em/core';
import { NAME_INDEX_FORMAT, NameIndex, type NameIndexArrays } from './name-index.js';
import type { NameIndexOptions } from './name-index-options.js';

const MAGIC = 'EMINDEX\u0001';

interface Header {
  readonly format: number;
  readonly fingerprint: string;
  readonly nDocs: number;
  readonly countries: readonly string[];
  readonly options: NameIndexOptions;
  /** Byte length of each section, in the order of SECTIONS. */
  readonly sections: Record<string, number>;
}

const SECTIONS = ['terms', 'idf', 'termOffsets', 'postingDocs', 'postingWeights', 'docCountry'] as const;

/** Persist an index with the fingerprint of the reference it was built from (atomic rename). */
export function writeIndexFile(file: string, index: NameIndex, fingerprint: string): void {
  const a = index.arrays;
  const bodies: Record<(typeof SECTIONS)[number], Uint8Array> = {
    terms: Buffer.from(a.terms.join('\u0000'), 'utf8'),
    idf: bytes(a.idf),
    termOffsets: bytes(a.termOffsets),
    postingDocs: bytes(a.postingDocs),
    postingWeights: bytes(a.postingWeights),
    docCountry: bytes(a.docCountry),
  };
  const header: Header = {
    format: NAME_INDEX_FORMAT,
    fingerprint,
    nDocs: a.nDocs,
    countries: a.countries,
    options: a.options,
    sections: Object.fromEntries(SECTIONS.map((s) => [s, bodies[s].byteLength])),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const chunks: Uint8Array[] = [Buffer.from(MAGIC, 'latin1'), u32(headerBytes.byteLength), headerBytes];
  let offset = 12 + headerBytes.byteLength;
  for (const s of SECTIONS) {
    const pad = (8 - (offset % 8)) % 8;
    chunks.push(new Uint8Array(pad), bodies[s]);
    offset += pad + bodies[s].byteLength;
  }
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    for (const chunk of chunks) writeAll(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** The fingerprint stored in an index file, reading only its header; null when unreadable. */
export function readIndexFingerprint(file: string): string | null {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(12);
    if (readSync(fd, head, 0, 12, 0) < 12) return null;
    const len = head.readUInt32LE(8);
    const buf = Buffer.alloc(12 + len);
    head.copy(buf);
    if (readSync(fd, buf, 12, len, 12) < len) return null;
    return parseHeader(buf).header.fingerprint;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Load an index file; each section is read into its own buffer in shared memory, so retrieval
 * workers read the same bytes (no copy, no second 2.5 GB at ten million rows), and no one
 * array need span the whole file (Node's buffers stop at 4 GB, one read or write at 2 GB).
 */
export function readIndexFile(file: string): { index: NameIndex; fingerprint: string } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.from(readShared(fd, file, 0, Math.min(size, 12)));
    if (head.byteLength < 12 || head.toString('latin1', 0, 8) !== MAGIC)
      throw broken(file, 'not an em index');
    const headerEnd = 12 + head.readUInt32LE(8);
    if (headerEnd > size) throw broken(file, 'its header is truncated');
    const { header, start } = parseHeader(Buffer.from(readShared(fd, file, 0, headerEnd)));
    const views: Record<string, Uint8Array> = {};
    let offset = start;
    for (const s of SECTIONS) {
      offset += (8 - (offset % 8)) % 8;
      const len = header.sections[s];
      if (len === undefined || offset + len > size) throw broken(file, `section ${s} is truncated`);
      views[s] = readShared(fd, file, offset, len);
      offset += len;
    }
    const as = <T>(ctor: new (b: ArrayBuffer, o: number, n: number) => T, v: Uint8Array): T =>
      new ctor(v.buffer as ArrayBuffer, v.byteOffset, v.byteLength / 4);
    const termText = Buffer.from(
      views.terms!.buffer,
      views.terms!.byteOffset,
      views.terms!.byteLength,
    ).toString('utf8');
    const arrays: NameIndexArrays = {
      nDocs: header.nDocs,
      terms: termText.length === 0 ? [] : termText.split('\u0000'),
      idf: as(Float32Array, views.idf!),
      termOffsets: as(Int32Array, views.termOffsets!),
      postingDocs: as(Int32Array, views.postingDocs!),
      postingWeights: as(Float32Array, views.postingWeights!),
      docCountry: as(Int32Array, views.docCountry!),
      countries: header.countries,
      options: header.options,
    };
    if (arrays.termOffsets.length !== arrays.terms.length + 1 || arrays.docCountry.length !== arrays.nDocs) {
      throw broken(file, 'sections disagree in length');
    }
    return { index: new NameIndex(arrays), fingerprint: header.fingerprint };
  } finally {
    closeSync(fd);
  }
}

/** Bytes per read or write call (one call moves at most 2 GB). */
const IO_BYTES = 1 << 30;

/** `length` bytes of a file from `position`, in a SharedArrayBuffer of their own. */
function readShared(fd: number, file: string, position: number, length: number): Uint8Array {
  const bytes = new Uint8Array(new SharedArrayBuffer(length));
  for (let at = 0; at < length; ) {
    const n = readSync(fd, bytes, at, Math.min(IO_BYTES, length - at), position + at);
    if (n <= 0) throw broken(file, 'it ended early');
    at += n;
  }
  return bytes;
}

/** Write all of `chunk`, in calls of at most IO_BYTES. */
function writeAll(fd: number, chunk: Uint8Array): void {
  for (let at = 0; at < chunk.byteLength; )
    at += writeSync(fd, chunk, at, Math.min(IO_BYTES, chunk.byteLength - at));
}

function parseHeader(buf: Buffer): { header: Header; start: number } {
  if (buf.byteLength < 12 || buf.toString('latin1', 0, 8) !== MAGIC)
    throw broken('index file', 'not an em index');
  const len = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + len)) as Header;
  if (header.format !== NAME_INDEX_FORMAT)
    throw broken('index file', `format ${header.format} is not ${NAME_INDEX_FORMAT}`);
  return { header, start: 12 + len };
}

const bytes = (a: Float32Array | Int32Array): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function u32(n: number): Uint8Array {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}

const broken = (file: string, why: string): EmError =>
  new EmError(`${file}: ${why}. Rebuild it with \`em index\` (it is rebuilt automatically when stale).`);
