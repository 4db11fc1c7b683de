/**
 * Fixtures of administrative cases for the rights-cases tests: a clue of rights-core's table in a given state, with
 * its handler assigned, written straight into the database (the intake and triage that normally lead there are
 * rights-core's and tested in test/rights.test.ts).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import { jurisdictions, rightsClueHandlers, rightsClues, users } from '../../src/server/db/schema';

let n = 0;

export async function insertCase(
  db: Db,
  options: {
    jurisdictionCode: string;
    handler: string;
    status?: 'accepted' | 'closed' | 'received' | 'transferred_police';
    receivedOn?: string;
    openedOn?: string | null;
    secretKinds?: string[];
    industryCode?: string | null;
  },
) {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, options.jurisdictionCode));
  const [handler] = await db.select().from(users).where(eq(users.username, options.handler));
  n += 1;
  const receivedOn = options.receivedOn ?? '2026-09-01';
  const status = options.status ?? 'accepted';
  const [clue] = await db
    .insert(rightsClues)
    .values({
      clueNo: `CS2026-${String(n).padStart(6, '0')}-${Math.random().toString(36).slice(2, 6)}`,
      jurisdictionCode: j!.code,
      jurisdictionPath: j!.path,
      source: 'unit',
      holderName: '上海华芯微电子有限公司',
      holderNameKey: '华芯微电子',
      industryCode: options.industryCode === undefined ? '39' : options.industryCode,
      secretKinds: options.secretKinds ?? ['source_code'],
      secretDescription: '芯片驱动源代码',
      leakChannels: ['departing_employee'],
      protectionMeasures: ['confidentiality_agreement'],
      facts: '前员工离职后在竞争企业使用驱动源代码',
      status,
      route: status === 'received' ? null : status === 'transferred_police' ? 'criminal' : 'administrative',
      receivedOn,
      decisionDeadline: '2026-09-22',
      decidedOn: status === 'received' ? null : '2026-09-10',
      openedOn:
        options.openedOn === undefined
          ? status === 'accepted' || status === 'closed'
            ? '2026-09-10'
            : null
          : options.openedOn,
      closedOn: status === 'closed' ? '2026-10-20' : null,
      recordedById: handler!.id,
    })
    .returning();
  await db.insert(rightsClueHandlers).values({ clueId: clue!.id, userId: handler!.id });
  return clue!;
}
