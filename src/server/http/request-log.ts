/**
 * One log line per request at `info`, when it is answered: method, URL, client, status and time. Fastify's own request
 * logging writes two (one on arrival, one on completion), and at the default level those lines were a good part of a
 * busy instance's CPU (bench/README.md, load). Errors, stream failures and the rest stay as Fastify logs them.
 */
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

export class OneLinePerRequest extends LogController {
  /** Nothing on arrival: the completion line carries the request. */
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) {
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    } else {
      reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    }
  }
}
