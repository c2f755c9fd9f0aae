import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { undefinedStepText } from '../../src/docs/undefinedStepText';

describe('why a step is undefined, on the site', () => {
  it("shows eventspec's correction in words, without the code", () => {
    const misspelled = '// features/loan.feature:12: unknown event `BookBorrowed` — did you mean `BooksBorrowed`?\n//   Given Loan "l-1" has recorded BooksBorrowed';
    assert.equal(undefinedStepText([misspelled]), 'no step matches this line: unknown event `BookBorrowed` — did you mean `BooksBorrowed`?; write it as: Given Loan "l-1" has recorded BooksBorrowed');
    const reworded = "// Did you mean (features/loan.feature:9):\n//   Then Loan \"l-1\" records BooksBorrowed\n// Or define a new step:\nThen('Loan {string} should record BooksBorrowed', async function (string) {\n  return 'pending';\n});";
    assert.equal(undefinedStepText([reworded]), 'no step matches this line — did you mean: Then Loan "l-1" records BooksBorrowed');
    const quote = '// features/loan.feature:4: a value in double quotes cannot hold a bare " (it ends the value early); write it as \\" inside the value: Loan "l-\\"1" has recorded BooksBorrowed';
    assert.equal(undefinedStepText([quote]), 'no step matches this line: a value in double quotes cannot hold a bare " (it ends the value early); write it as \\" inside the value: Loan "l-\\"1" has recorded BooksBorrowed');
  });

  it("keeps cucumber's snippet where there is no correction, for whoever defines the step", () => {
    const code = "Given('a step nobody wrote', async function () {\n  return 'pending';\n});";
    assert.equal(undefinedStepText([code]), `no step definition matches this step; a definition could start like:\n${code}`);
    assert.equal(undefinedStepText([]), 'no step definition matches this step');
  });
});
