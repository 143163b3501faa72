let row = new Int32Array(64);

/** Length of the longest common subsequence of two strings (UTF-16 code units), in O(|a|·|b|) time and O(|b|) space. */
export function longestCommonSubsequence(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  const n = b.length;
  if (n === 0) return 0;
  if (row.length < n + 1) row = new Int32Array((n + 1) * 2);
  row.fill(0, 0, n + 1);
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    let diagonal = 0; // row[j - 1] of the previous line
    for (let j = 1; j <= n; j++) {
      const above = row[j]!;
      row[j] = b.charCodeAt(j - 1) === code ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[n]!;
}

/**
 * Normalized InDel similarity in [0, 1]: 1 − (insertions + deletions) / (|a| + |b|), i.e.
 * 2·LCS / (|a| + |b|). This is rapidfuzz's `fuzz.ratio` / 100 and python-Levenshtein's `ratio`
 * (a substitution costs 2). Two empty strings score 1.
 */
export function levenshteinRatio(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  if (a === b) return 1;
  return (2 * longestCommonSubsequence(a, b)) / total;
}
