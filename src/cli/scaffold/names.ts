import { withoutAccents } from '../../core/withoutAccents';
/** The spellings of one aggregate name that the scaffold's files need. */
export interface Names {
  /** `PurchaseOrder`: the aggregate, and the prefix of its events and commands. */
  pascal: string;
  /** `purchaseOrder`: its source file. */
  camel: string;
  /** `purchase-order`: its feature file. */
  kebab: string;
  /** `purchase order`: in sentences. */
  words: string;
  /** `a` or `an`, for the words. */
  article: 'a' | 'an';
  /** `po-1`: an aggregate id for scenarios. */
  sampleId: string;
}

export const AGGREGATE_NAME = /^[A-Z][A-Za-z0-9]*$/;

export function namesOf(pascal: string): Names {
  const parts = pascal.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[0-9]+/g) ?? [pascal];
  const lower = parts.map((p) => p.toLowerCase());
  const words = lower.join(' ');
  return {
    pascal,
    camel: pascal[0]!.toLowerCase() + pascal.slice(1),
    kebab: lower.join('-'),
    words,
    article: /^[aeiou]/.test(words) ? 'an' : 'a',
    sampleId: `${lower.map((p) => p[0]).join('')}-1`,
  };
}

/** `purchase order` / `purchase_order` / `purchaseOrder` → `PurchaseOrder`, to suggest a usable name. */
export function toPascalCase(text: string): string {
  // Accents are dropped, not split on: `Prêt` → `Pret`, not `PrT`.
  return withoutAccents(text)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')
    .replace(/^[0-9]+/, '');
}

/** A valid npm package name from a folder name. */
export function packageNameOf(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[-]+$/g, '');
  return name.length > 0 ? name.slice(0, 214) : 'my-domain';
}
