/**
 * One 16-bit word per document with what search tests first about a candidate: its country
 * (high byte: 0 none, 1..254 country id + 1, 255 look it up in docCountry) and ‖d_common‖
 * rounded up to one of 256 steps (low byte, see normSteps). A million documents take 2 MB
 * instead of 8 MB of country ids and norms, so the test mostly hits the CPU cache.
 */
export const NO_COUNTRY = 0;
export const OTHER_COUNTRY = 255;

/** The norm each low byte stands for: q / 255, the last step covering norms up to maxNorm (float rounding may pass 1). */
export function normSteps(maxNorm: number): Float64Array {
  const steps = new Float64Array(256);
  for (let q = 0; q < 255; q++) steps[q] = q / 255;
  steps[255] = Math.max(1, maxNorm);
  return steps;
}

export function buildDocKeys(docCountry: Int32Array, norm: Float32Array, steps: Float64Array): Uint16Array {
  const keys = new Uint16Array(new SharedArrayBuffer(2 * norm.length));
  for (let d = 0; d < norm.length; d++) {
    const c = docCountry[d]!;
    const country = c < 0 ? NO_COUNTRY : c < OTHER_COUNTRY - 1 ? c + 1 : OTHER_COUNTRY;
    let q = Math.min(255, Math.ceil(norm[d]! * 255));
    while (q < 255 && steps[q]! < norm[d]!) q++;
    keys[d] = (country << 8) | q;
  }
  return keys;
}

/** The country id a key stands for (-1 none), reading docCountry only for the rare ids past 253. */
export function keyCountry(key: number, docCountry: Int32Array, doc: number): number {
  const c = key >>> 8;
  return c === OTHER_COUNTRY ? docCountry[doc]! : c - 1;
}
