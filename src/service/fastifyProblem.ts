import { BodyError } from './jsonBody';
import type { Problem } from './problem';
import { problem } from './problem';

/** Fastify's own refusals (body too large, wrong media type…), told in the service's words. */
export function fastifyProblem(error: unknown): Problem | undefined {
  if (error instanceof BodyError) return problem(400, 'invalid-body', 'the body cannot be read', error.message);
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'body-too-large', 'the body is too large', 'the body is larger than this service accepts; send only the command\'s fields (the limit is set with bodyLimit)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'media-type', 'the body must be JSON', 'send the body as JSON with the header Content-Type: application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(400, 'invalid-body', 'the body cannot be read', 'the body is not valid JSON, or has a key that could change object prototypes (__proto__, constructor.prototype)');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(414, 'uri-too-long', 'the path is too long', 'a part of the path (an aggregate id, a read model id) is longer than 2048 characters; use shorter ids');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'invalid-body', 'the body cannot be read', 'the body is not as long as its Content-Length header says');
    default:
      return undefined;
  }
}
