import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseErrorText } from '../../src/gherkin/parseErrorText';

describe("Gherkin's parse errors in the writer's words", () => {
  it('says a feature file starts with Feature:', () => {
    assert.equal(
      parseErrorText("(1:1): expected: #EOF, #Language, #TagLine, #FeatureLine, #Comment, #Empty, got 'Scenario: before feature'"),
      'a feature file starts with Feature: (after any tags, comments and # language: line); found "Scenario: before feature"',
    );
  });

  it('names a ragged table row and what to do', () => {
    assert.equal(parseErrorText('(5:7): inconsistent cell count within the table'), 'this table row has another number of cells than the row above it; give every row as many | cells as the header');
  });

  it('says what may stand where a line cannot, and keeps a message it does not know', () => {
    assert.equal(
      parseErrorText("(11:5): expected: #EOF, #TableRow, #DocStringSeparator, #StepLine, #TagLine, #ExamplesLine, #ScenarioLine, #RuleLine, #Comment, #Empty, got 'Exmaples:'"),
      '"Exmaples:" cannot stand here; Gherkin expects one of: the end of the file, a table row, a doc string ("""), a step (Given, When, Then, And, But), tags, Examples:, Scenario:, Rule: — is a keyword misspelled, or a line indented into the wrong block?',
    );
    assert.equal(parseErrorText('(3:1): something new'), 'something new');
  });
});
