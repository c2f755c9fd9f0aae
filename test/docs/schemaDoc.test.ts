import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { schemaDoc } from '../../src/docs/schemaDoc';

const typesOf = (schema: z.ZodType) => Object.fromEntries(schemaDoc(schema).fields.map((f) => [f.path, f.type]));

describe('a contract as fields a product owner reads', () => {
  it('names dates and other formats as what they are, not as "anything" or a regular expression', () => {
    assert.deepEqual(typesOf(z.object({ due: z.coerce.date(), at: z.date().optional(), day: z.iso.date(), mail: z.email(), code: z.string().regex(/^[A-Z]{3}$/) })), {
      due: 'date and time (like 2025-03-01T10:00:00Z)',
      at: 'date and time (like 2025-03-01T10:00:00Z)',
      day: 'date (like 2025-03-01)',
      mail: 'email address',
      code: 'string (matching ^[A-Z]{3}$)',
    });
  });

  it('keeps the author\'s own patterns beside a format, which zod writes as a list of patterns', () => {
    assert.deepEqual(typesOf(z.object({ work: z.email().regex(/@corp\.com$/), day: z.iso.date().regex(/^2025-/), code: z.string().regex(/^[A-Z]/).regex(/[0-9]$/) })), {
      work: 'email address (matching @corp\\.com$)',
      day: 'date (like 2025-03-01; matching ^2025-)',
      code: 'string (matching ^[A-Z], matching [0-9]$)',
    });
  });

  it('says what it cannot describe as anything, and numbers with their bounds', () => {
    assert.deepEqual(typesOf(z.object({ n: z.number().int().min(1), any: z.custom<string>() })), { n: 'whole number (≥ 1)', any: 'anything' });
  });
});
