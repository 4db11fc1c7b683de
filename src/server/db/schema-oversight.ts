/**
 * Tables of the ongoing management of certified bases (动态管理) beyond the annual reviews (kept in schema.ts beside
 * the bases): the incentives granted to bases (002's incentive measures), recorded so they can be reported.
 */
import { date, index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { IncentiveKind } from '../../shared/enums-oversight';
import { createdAt } from './columns';
// Only a type-free reference to tables defined in schema.ts; schema.ts re-exports this file at its end.
import { bases, users } from './schema';

export const baseIncentives = pgTable(
  'base_incentives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    baseId: uuid('base_id')
      .notNull()
      .references(() => bases.id),
    kind: text('kind', { enum: IncentiveKind.values }).notNull(),
    /** The programme's incentive measure this grant applies (its wording), or the officer's own description. */
    measure: text('measure').notNull(),
    /** Money granted, in yuan; null for non-monetary incentives. */
    amountYuan: numeric('amount_yuan', { precision: 14, scale: 2, mode: 'number' }),
    grantedOn: date('granted_on').notNull(),
    document: text('document'),
    note: text('note'),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('base_incentives_base_idx').on(t.baseId), index('base_incentives_granted_idx').on(t.grantedOn)],
);
