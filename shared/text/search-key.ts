/**
 * The form a name is searched and compared by: accents and case ignored ("Zoë" is found by "zoe"), full-width
 * letters typed on a CJK keyboard equal to their ASCII spelling, runs of spaces as one. Chinese characters
 * are unchanged. Linear in the length of the text.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
