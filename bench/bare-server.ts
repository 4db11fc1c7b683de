/**
 * The province benchmark's bare baseline (bench/province.ts): a Fastify with nothing else, serving from memory the
 * answers in the JSON file BENCH_ANSWERS (`[{ type, body (base64) }]`) at /baseline/<index>. Run in its own process,
 * like the server under test, so neither shares a thread with the load generator.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const answers = JSON.parse(readFileSync(process.env.BENCH_ANSWERS!, 'utf8')) as { type: string; body: string }[];
const app = Fastify({ logger: false });
for (const [i, a] of answers.entries()) {
  const body = Buffer.from(a.body, 'base64');
  app.get(`/baseline/${i}`, async (_request, reply) => reply.type(a.type).send(body));
}
const origin = await app.listen({ host: '127.0.0.1', port: 0 });
// The line bench/load.ts's startServer waits for.
console.log(`bare baseline 已启动: ${origin}/`);
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.once(signal, () => app.close().then(() => process.exit(0)));
