// Text helpers shared by sorting and searching.

/** Lower case without accents: the sort key for names ("Éveil" sorts with "eveil"). */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}
