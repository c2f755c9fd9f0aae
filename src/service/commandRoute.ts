import { performance } from 'node:perf_hooks';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import type { CommandResult } from '../commandHandling/commandResult';
import { ContractError, UnknownNameError } from '../core/errors';
import { datesFromJson } from '../contracts/datesFromJson';
import { unknownFields } from '../contracts/unknownFields';
import { didYouMean } from '../core/suggest';
import { rejectionProblem } from './problem';
import { commandIdOf, eventMetadataOf, expectedVersionOf, singleHeader } from './requestHeaders';
import type { RouteContext } from './routeContext';
import { sendProblem } from './routeContext';

/** `POST /aggregates/{A}/{id}/commands/{C}`: one command, with its span and metrics. */
export function commandRoute(app: FastifyInstance, context: RouteContext): void {
  const { domain, metrics, tracer } = context;
  app.post<{ Params: { aggregate: string; id: string; command: string } }>('/aggregates/:aggregate/:id/commands/:command', async (request, reply) => {
    const started = performance.now();
    const { aggregate: aggregateName, id, command } = request.params;
    const aggregate = domain.aggregate(aggregateName);
    if (!aggregate.commandsByName.has(command)) {
      throw new UnknownNameError(`${aggregate.name} has no command \`${command}\`${didYouMean(command, [...aggregate.commandsByName.keys()])}`);
    }
    const labels = { aggregate: aggregate.name, command };
    const correlationId = singleHeader(request.headers['x-correlation-id'], 'X-Correlation-Id');
    const causationId = singleHeader(request.headers['x-causation-id'], 'X-Causation-Id');
    const attributes = {
      'eventspec.aggregate': aggregate.name,
      'eventspec.command': command,
      'eventspec.stream_id': `${aggregate.name}-${id}`,
      ...(correlationId !== undefined ? { 'eventspec.correlation_id': correlationId } : {}),
      ...(causationId !== undefined ? { 'eventspec.causation_id': causationId } : {}),
    };
    return tracer.startActiveSpan(`command ${aggregate.name}.${command}`, { kind: SpanKind.SERVER, attributes }, async (span) => {
      let outcome = 'failed';
      try {
        const commandId = commandIdOf(singleHeader(request.headers['idempotency-key'], 'Idempotency-Key'));
        const expectedVersion = expectedVersionOf(singleHeader(request.headers['if-match'], 'If-Match'));
        const metadata = eventMetadataOf(singleHeader(request.headers['x-event-metadata'], 'X-Event-Metadata'));
        // zod drops a field it does not know: a misspelt optional field would be lost without a word (a table refuses it too).
        const [unknown] = unknownFields(aggregate.commandsByName.get(command)!.schema, request.body ?? {});
        if (unknown !== undefined) {
          const fix = didYouMean(unknown.name, [...unknown.known], 'a field such as');
          throw new ContractError(`${command} has no field \`${unknown.path}\`${fix}; send only the command's fields`, command, unknown.path, undefined);
        }
        // JSON has no dates: ISO text where the contract asks for a Date is read as one, as a table cell is.
        const data = datesFromJson(aggregate.commandsByName.get(command)!.schema, request.body ?? {});
        if (!data.ok) throw new ContractError(`${command} is not valid: ${data.path}: ${data.problem}`, command, data.path, undefined);
        const result: CommandResult = await context.backendFor(request).handler.handle({
          aggregate: aggregate.name,
          id,
          command: { type: command, data: data.value },
          ...(commandId !== undefined ? { commandId } : {}),
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          ...(correlationId !== undefined ? { correlationId } : {}),
          ...(causationId !== undefined ? { causationId } : {}),
          ...(metadata !== undefined ? { metadata } : {}),
        });
        span.setAttributes({
          'eventspec.command_id': result.commandId,
          'eventspec.correlation_id': correlationId ?? result.commandId,
          'eventspec.causation_id': causationId ?? result.commandId,
          'eventspec.outcome': result.status,
        });
        outcome = result.status;
        if (result.status === 'rejected') {
          span.setAttribute('eventspec.rejection', result.rejection);
          return sendProblem(reply, rejectionProblem(result));
        }
        reply.header('ETag', `"${result.version}"`);
        return { status: result.status, commandId: result.commandId, streamId: result.streamId, version: result.version, replayed: result.replayed, events: result.events };
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        throw error;
      } finally {
        span.end();
        metrics.commands.inc({ ...labels, outcome });
        metrics.commandSeconds.observe({ ...labels, outcome }, (performance.now() - started) / 1000);
      }
    });
  });
}
