// Comparing a declared name with the registry's. A legal name is exact: "Nguyễn" and "Nguyen" are
// different names, so accents always matter. What does not matter is how the text was typed:
// Unicode form (a Vietnamese keyboard may send decomposed NFD), spaces around or between words, and
// letter case ("NGUYỄN VĂN AN" as printed on the card).

/** The form two legal names are compared in: NFC, trimmed, single spaces, lower case (vi). */
export function comparableLegalName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
}

export function isSameLegalName(declared: string, registered: string): boolean {
  return comparableLegalName(declared) === comparableLegalName(registered);
}

/**
 * The name without accents or case ("nguyen van an"), stored beside each synthetic resident to find
 * candidates for what a citizen typed without accents. Never used to decide a match.
 */
export function foldedName(name: string): string {
  return comparableLegalName(name)
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/gu, 'd');
}
