import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client';

export const healthRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['system'],
          summary: '健康检查',
          security: [],
          response: {
            200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), migration: z.string() }),
            503: z.object({
              status: z.literal('unavailable'),
              database: z.enum(['pglite', 'postgres']),
              migration: z.string(),
            }),
          },
        },
      },
      async (_request, reply) => {
        try {
          await database.db.execute(sql`select 1`);
          return { status: 'ok' as const, database: database.kind, migration: database.migration };
        } catch {
          return reply
            .status(503)
            .send({ status: 'unavailable' as const, database: database.kind, migration: database.migration });
        }
      },
    );
  };
