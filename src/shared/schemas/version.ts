import { z } from 'zod';

/**
 * A record's optimistic-concurrency version as a client sends it back. The column is a PostgreSQL integer, so the
 * bound is checked here: a larger number used to reach the guarded UPDATE and fail there with a 500.
 */
export const RecordVersion = z.number().int().positive().max(2_147_483_647, '版本号不正确');
