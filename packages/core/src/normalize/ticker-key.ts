/**
 * Exchange suffixes feeds append to a ticker ("AAPL US", "VOD.L", "7203:JP", "RY.TO"). Only
 * these are cut, so a share-class letter ("BRK.B") is never mistaken for an exchange.
 */
const EXCHANGE_SUFFIXES = new Set([
  'US',
  'UN',
  'UW',
  'UQ',
  'N',
  'O',
  'OQ',
  'K',
  'A',
  'P',
  'L',
  'LN',
  'TO',
  'V',
  'CN',
  'AX',
  'AU',
  'HK',
  'T',
  'JP',
  'DE',
  'F',
  'GY',
  'GR',
  'PA',
  'FP',
  'AS',
  'NA',
  'MI',
  'IM',
  'SW',
  'SE',
  'ST',
  'SS',
  'SZ',
  'CO',
  'DC',
  'HE',
  'FH',
  'OL',
  'NO',
  'KS',
  'KQ',
  'KP',
  'TW',
  'TT',
  'SI',
  'SP',
  'BK',
  'TB',
  'JK',
  'IJ',
  'NS',
  'BO',
  'IN',
  'SA',
  'BZ',
  'MC',
  'SM',
  'BR',
  'BB',
  'VI',
  'AV',
  'IR',
  'ID',
  'WA',
  'PW',
  'TA',
  'IT',
  'JO',
  'SJ',
  'NZ',
  'MX',
  'MM',
  'LS',
  'PL',
  'QA',
  'KW',
  'AE',
  'BA',
]);
const PLAIN = /^[A-Z0-9]+$/;
const SHARE_CLASS = /^(.+?)[./\-\s]+(?:CL(?:ASS)?[\s.]?)?([A-C]|PR|WI)$/;

/**
 * A ticker's matching key: upper case, exchange suffix and share-class mark dropped, only
 * letters and digits kept ("aapl us" → "AAPL", "BRK.B" → "BRK", "RY.TO" → "RY", "VOD LN" →
 * "VOD"). null when nothing is left. An ISIN-looking value is kept whole.
 */
export function tickerKey(raw: string | null | undefined): string | null {
  let t = (raw ?? '').trim().toUpperCase();
  if (t === '') return null;
  // Most tickers are letters and digits alone: no suffix or class mark to cut, nothing to drop.
  if (PLAIN.test(t)) return t;
  const parts = t.split(/[\s:]+/);
  if (parts.length > 1 && EXCHANGE_SUFFIXES.has(parts.at(-1)!)) t = parts.slice(0, -1).join(' ');
  const dotted = /^(.+)\.([A-Z]{1,2})$/.exec(t);
  if (dotted && dotted[2]!.length === 2 && EXCHANGE_SUFFIXES.has(dotted[2]!)) t = dotted[1]!;
  else if (dotted && ['N', 'O', 'K', 'L', 'T', 'F', 'V'].includes(dotted[2]!) && dotted[1]!.length >= 2) {
    // One-letter suffixes after a dot are exchanges for these letters (VOD.L, RY.V); A–C stay share classes.
    t = dotted[1]!;
  }
  const share = SHARE_CLASS.exec(t);
  if (share && share[1]!.replace(/[^A-Z0-9]/g, '').length >= 1) t = share[1]!;
  const key = t.replace(/[^A-Z0-9]/g, '');
  return key === '' ? null : key;
}
