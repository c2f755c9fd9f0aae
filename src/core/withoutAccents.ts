/** Text with its accents dropped (`Prêt` → `Pret`, `Misérables` → `Miserables`); ASCII comes back as it is, at no cost. */
export function withoutAccents(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
}
