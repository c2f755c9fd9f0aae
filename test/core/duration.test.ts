import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { durationMs, readDuration } from '../../src/core/duration';
import { compile, domainParameterTypes, domainRegistry } from '../../src/gherkin/domainParameterTypes';
import { domain } from '../../src/domains';

const read = (text: string) => {
  const r = readDuration(text);
  return r.ok ? r.value : r.problem;
};

describe('a span of time as a scenario writes it', () => {
  it('reads whole numbers of weeks, days, hours, minutes and seconds, weeks kept as days', () => {
    assert.deepEqual(read('3 days'), { days: 3 });
    assert.deepEqual(read('1 day and 6 hours'), { days: 1, hours: 6 });
    assert.deepEqual(read('2 weeks'), { days: 14 });
    assert.deepEqual(read('1 week and 3 days'), { days: 10 });
    assert.deepEqual(read('1 week, 2 hours and 30 minutes'), { days: 7, hours: 2, minutes: 30 });
    assert.equal(durationMs({ days: 14 }), 14 * 86_400_000);
  });

  it('refuses a unit written twice, a fraction and an unknown unit, saying what it reads', () => {
    const refusal = (text: string) => `"${text}" is not a span of time eventspec reads; write whole numbers of weeks, days, hours, minutes or seconds, such as "3 days", "2 weeks" or "1 day and 6 hours"`;
    for (const text of ['3 days and 2 days', '1 week and 1 week', '1.5 days', '2 months', 'soon']) assert.equal(read(text), refusal(text));
  });

  it('is a step parameter: "2 weeks pass" matches the vocabulary', () => {
    const registry = domainRegistry(domainParameterTypes(domain));
    assert.deepEqual(compile('{Duration} pass(es)', registry).match('2 weeks pass')?.map((a) => a.getValue(null)), ['2 weeks']);
    assert.deepEqual(compile('{Duration} pass(es)', registry).match('1 week and 2 days pass')?.map((a) => a.getValue(null)), ['1 week and 2 days']);
  });
});
