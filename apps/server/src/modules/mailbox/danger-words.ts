/**
 * The danger words a message contains. Spaces, punctuation and letter case are ignored on both
 * sides, so "不 想 活" or "不想、活" still match 不想活 (children type on phones, often with breaks).
 */
export function matchDangerWords(text: string, words: readonly string[]): string[] {
  const plain = normalize(text);
  return words.filter((word) => {
    const w = normalize(word);
    return w.length > 0 && plain.includes(w);
  });
}

const normalize = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
