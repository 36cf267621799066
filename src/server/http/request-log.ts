// One log line per request, written when the answer has left: method, path, status, time taken and the
// request id. Fastify's default is a second line on arrival, which doubles the logging work of every request
// and says nothing the closing line does not (a request that never completes is rare and shows in the
// proxy's log).
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
