/**
 * Document numbers ordered by `norm`, largest first, ties in document order: the order a
 * comparator sort gives, by a stable two-pass radix sort over the float32 bit patterns (for
 * non-negative floats the bits order as the values do; sorting their complement ascending puts
 * the largest first). At 10M documents a comparator sort took tens of seconds. The result is
 * in shared memory.
 */
export function docsByNormDescending(norm: Float32Array): Int32Array {
  const n = norm.length;
  const bits = new Uint32Array(norm.buffer, norm.byteOffset, n);
  const low = new Uint16Array(n);
  const high = new Uint16Array(n);
  for (let d = 0; d < n; d++) {
    const key = ~bits[d]! >>> 0;
    low[d] = key & 0xffff;
    high[d] = key >>> 16;
  }
  const scratch = new Int32Array(n);
  const docs = new Int32Array(new SharedArrayBuffer(4 * n));
  // First by the low half (documents in order), then stably by the high half.
  const starts = bucketStarts(low);
  for (let d = 0; d < n; d++) scratch[starts[low[d]!]!++] = d;
  const highStarts = bucketStarts(high);
  for (let i = 0; i < n; i++) {
    const d = scratch[i]!;
    docs[highStarts[high[d]!]!++] = d;
  }
  return docs;
}

/** Where each 16-bit digit's run begins in the sorted order. */
function bucketStarts(digits: Uint16Array): Int32Array {
  const starts = new Int32Array(1 << 16);
  for (let i = 0; i < digits.length; i++) starts[digits[i]!]!++;
  let sum = 0;
  for (let b = 0; b < starts.length; b++) {
    const count = starts[b]!;
    starts[b] = sum;
    sum += count;
  }
  return starts;
}
