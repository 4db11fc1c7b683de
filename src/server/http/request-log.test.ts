import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { OneLinePerRequest } from './request-log';

async function linesOf(level: string): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = Fastify({ logger: { level, stream }, logController: new OneLinePerRequest() });
  app.get('/ok', async () => ({ ok: true }));
  app.get('/fails', async () => {
    throw new Error('boom');
  });
  await app.inject({ method: 'GET', url: '/ok?page=2' });
  await app.inject({ method: 'GET', url: '/fails' });
  await app.close();
  return lines;
}

describe('request log', () => {
  it('writes one line per answered request at info, with the request, the status and the time', async () => {
    const lines = await linesOf('info');
    const completed = lines.filter((l) => l.msg === 'request completed');
    expect(completed).toHaveLength(2);
    expect(completed[0]).toMatchObject({ req: { method: 'GET', url: '/ok?page=2' }, res: { statusCode: 200 } });
    expect(completed[0]!.responseTime).toEqual(expect.any(Number));
    expect(lines.some((l) => l.msg === 'incoming request')).toBe(false);
    // An error is still logged as Fastify logs it.
    expect(lines.some((l) => l.msg === 'boom' && l.level === 50)).toBe(true);
  });

  it('writes no line per request at warn', async () => {
    const lines = await linesOf('warn');
    expect(lines.filter((l) => l.msg === 'request completed')).toHaveLength(0);
    expect(lines.some((l) => l.msg === 'boom')).toBe(true);
  });
});
