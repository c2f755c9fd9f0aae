import type { Domain } from '../domain/defineDomain';
import type { Phrasing } from '../domain/phrasing';
import { exampleOf } from '../contracts/exampleOf';
import { describeEventMismatch } from '../testing/expectations';
import { mergeDeep, setAtPath, valueAtPath } from '../testing/fieldPaths';
import { coerceCell } from './coerceCell';
import { acceptedUnderGiven } from './acceptedUnderGiven';
import { checkData } from './readTable';
import { resolveAggregate } from './resolve';
import { ScenarioError } from './scenarioError';
import { fieldSchema } from '../contracts/schemaFields';
import type { VocabularyStep } from './vocabulary';
import { phrasingExpression } from './domainParameterTypes';
import { streamIdOf } from '../aggregate/defineAggregate';


/** A domain's own wordings as steps: Given records the event, When sends the command, Then checks it was recorded. */
export function phrasingSteps(domain: Domain): VocabularyStep[] {
  return domain.phrasings.map((phrasing) => phrasingStep(domain, phrasing));
}

function phrasingStep(domain: Domain, phrasing: Phrasing): VocabularyStep {
  const aggregate = resolveAggregate(domain, phrasing.aggregate, undefined);
  const contract = phrasing.keyword === 'When' ? aggregate.commandsByName.get(phrasing.type)! : aggregate.eventsByName.get(phrasing.type)!;
  const what = phrasing.keyword === 'Given' ? `Records ${phrasing.type}` : phrasing.keyword === 'When' ? `Sends ${phrasing.type}` : `Checks that the commands recorded ${phrasing.type}`;
  return {
    keyword: phrasing.keyword,
    expression: phrasing.text,
    cucumberExpression: phrasingExpression(phrasing.text),
    ...(phrasing.declaredAt ? { declaredAt: phrasing.declaredAt } : {}),
    argument: 'none',
    description: `${what} on ${aggregate.name} (a ${domain.name} phrasing).`,
    example: `${phrasing.keyword} ${phrasing.text}`,
    source: 'domain',
    async run(context, captures) {
      let id = '';
      const fields: Record<string, unknown> = {};
      const metadata: Record<string, unknown> = {};
      const refs = new Map<string, { column: string }>();
      phrasing.placeholders.forEach((name, i) => {
        const value = captures[i]!;
        if (name === 'id') return void (id = value);
        const schema = fieldSchema(contract.schema, name);
        if (!schema) return void (metadata[name] = value);
        const coerced = coerceCell(schema, value);
        if (!coerced.ok) throw new ScenarioError(context.place, `${name}: ${coerced.problem}`);
        setAtPath(fields, name, coerced.value);
        refs.set(name, { column: name });
      });
      const given = mergeDeep(phrasing.fixed, fields);
      if (phrasing.keyword === 'When') {
        const data = checkData(contract.schema, given, contract.name, refs, context.place, {}, 'phrasing');
        acceptedUnderGiven(context.place, aggregate.name, id, contract.name, await context.scenario.send(aggregate, id, { type: contract.name, data }, { metadata }));
      } else if (phrasing.keyword === 'Given') {
        const data = checkData(contract.schema, mergeDeep(contract.example ?? exampleOf(contract.schema), given), contract.name, refs, context.place, {}, 'phrasing');
        await context.scenario.record(aggregate, id, [{ type: contract.name, data, metadata }]);
      } else {
        await context.scenario.settle();
        const recorded = context.scenario.commandEvents(streamIdOf(aggregate, id));
        const expected = { type: contract.name, fields: Object.fromEntries(phrasing.placeholders.filter((p) => refs.has(p)).map((p) => [p, valueAtPath(given, p)])) };
        const match = recorded.find((event) => describeEventMismatch([expected], [event]) === undefined);
        if (!match) {
          throw new ScenarioError(context.place, `${aggregate.name} "${id}" did not record ${contract.name} like that — ${describeEventMismatch([expected], recorded.filter((e) => e.type === contract.name).slice(0, 1)) ?? ''}`);
        }
      }
    },
  };
}
