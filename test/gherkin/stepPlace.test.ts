import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateMessages } from '@cucumber/gherkin';
import { IdGenerator, SourceMediaType, type GherkinDocument, type Pickle } from '@cucumber/messages';
import { describePlace, placesOf } from '../../src/gherkin/stepPlace';

const FEATURE = `Feature: Shipping
  Scenario Outline: shipping with <carrier>
    When Order "o-1" is sent ShipOrder:
      | carrier | <carrier> |
    Then it ships

    Examples:
      | carrier |
      | DHL     |
      | UPX     |
`;

function parsed(): { document: GherkinDocument; pickles: Pickle[] } {
  const envelopes = generateMessages(FEATURE, 'features/shipping.feature', SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, { includeSource: false, includeGherkinDocument: true, includePickles: true, newId: IdGenerator.incrementing() });
  return { document: envelopes.find((e) => e.gherkinDocument)!.gherkinDocument!, pickles: envelopes.flatMap((e) => (e.pickle ? [e.pickle] : [])) };
}

describe('step places', () => {
  it('point an Outline\'s step at the Examples row it runs with, besides the template line and cell', () => {
    const { document, pickles } = parsed();
    const [first, second] = pickles.map((p) => placesOf(p, document)[0]!);
    assert.deepEqual([first!.exampleLine, second!.exampleLine], [9, 10]);
    assert.equal(describePlace(second, { row: 0, column: 'carrier' }), 'features/shipping.feature:4 (column "carrier", Examples row at line 10)');
    assert.equal(describePlace(second), 'features/shipping.feature:3 (Examples row at line 10)');
  });
});
