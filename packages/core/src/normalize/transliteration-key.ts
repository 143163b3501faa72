/**
 * German exchanges spell umlauts as digraphs ("KLOECKNER", "MUENCH.RUECKVERS."), while other
 * sources drop the dots ("Klockner", "Munchener Ruckversicherungs"). `base` keeps the digraphs,
 * because folding them everywhere would also rewrite "Daewoo", "Phoenix", "FuelCell" or
 * "Aerospace". This key folds them for a secondary comparison in fuzzy stages:
 * "kloeckner" and "klockner" share the key "klockner".
 *
 * A digraph folds when it starts a word or follows a consonant other than g and q (so "guest",
 * "queen" stay), and does not end the word ("blue", "shoe" stay). Idempotent.
 */
const UMLAUT_DIGRAPH = /(?<=^|[ bcdfhjklmnprstvwxz])([aou])e(?=[a-z])/g;

export function transliterationKey(base: string): string {
  // Repeat until stable: folding "stroeer" once leaves a new digraph ("stroer" → "stror").
  for (let key = base; ; ) {
    const next = key.replace(UMLAUT_DIGRAPH, '$1');
    if (next === key) return key;
    key = next;
  }
}
