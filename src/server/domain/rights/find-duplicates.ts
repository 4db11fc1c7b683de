/**
 * Duplicates across districts (统一管控): a new clue naming an infringer (by credit code or normalised name) or a right
 * holder already named in another open clue is flagged — one rights_duplicates row per pair and reason — and both
 * clues' handlers (or, while unassigned, their bureaus' officers) and the city above each are notified, who can link,
 * merge or dismiss (decide-duplicate.ts). Runs in the intake's transaction.
 */
import { and, eq, inArray, ne, or } from 'drizzle-orm';
import { RIGHTS_OPEN_STATUSES, type RightsDuplicateMatch } from '../../../shared/enums-rights';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { rightsClueParties, rightsClues, rightsDuplicates } from '../../db/schema';
import { notifyUsers } from '../notifications/notify';
import type { ClueRow } from './rights-access';
import { handlerIdsOf } from './rights-access';
import { appendEvent, cityCodesOf, officersOf } from './rights-events';

export async function flagDuplicates(tx: Executor, ctx: RequestContext, clue: ClueRow): Promise<number> {
  const parties = await tx.select().from(rightsClueParties).where(eq(rightsClueParties.clueId, clue.id));
  const codes = parties.flatMap((p) => (p.creditCode ? [p.creditCode] : []));
  const keys = parties.map((p) => p.nameKey).filter((k) => k.length >= 2);
  const open = and(ne(rightsClues.id, clue.id), inArray(rightsClues.status, [...RIGHTS_OPEN_STATUSES]));
  const found = new Map<string, { other: ClueRow; match: RightsDuplicateMatch; value: string }>();
  const add = (other: ClueRow, match: RightsDuplicateMatch, value: string) => {
    const key = `${other.id}|${match}`;
    if (!found.has(key)) found.set(key, { other, match, value });
  };
  if (codes.length > 0 || keys.length > 0) {
    const rows = await tx
      .select({ clue: rightsClues, party: rightsClueParties })
      .from(rightsClueParties)
      .innerJoin(rightsClues, eq(rightsClues.id, rightsClueParties.clueId))
      .where(
        and(
          open,
          or(
            codes.length > 0 ? inArray(rightsClueParties.creditCode, codes) : undefined,
            keys.length > 0 ? inArray(rightsClueParties.nameKey, keys) : undefined,
          ),
        ),
      );
    for (const { clue: other, party } of rows) {
      if (party.creditCode && codes.includes(party.creditCode)) add(other, 'infringer_credit_code', party.creditCode);
      else add(other, 'infringer_name', party.name);
    }
  }
  const holderRows = await tx
    .select()
    .from(rightsClues)
    .where(
      and(
        open,
        or(
          clue.holderCreditCode ? eq(rightsClues.holderCreditCode, clue.holderCreditCode) : undefined,
          clue.holderNameKey.length >= 2 ? eq(rightsClues.holderNameKey, clue.holderNameKey) : undefined,
        ),
      ),
    );
  for (const other of holderRows) {
    if (clue.holderCreditCode && other.holderCreditCode === clue.holderCreditCode)
      add(other, 'holder_credit_code', clue.holderCreditCode);
    else add(other, 'holder_name', clue.holderName);
  }
  if (found.size === 0) return 0;
  await tx
    .insert(rightsDuplicates)
    .values(
      [...found.values()].map((f) => ({
        clueId: clue.id,
        otherClueId: f.other.id,
        match: f.match,
        matchValue: f.value,
      })),
    )
    .onConflictDoNothing();
  const others = new Map([...found.values()].map((f) => [f.other.id, f.other]));
  const recipients: string[] = [];
  for (const c of [clue, ...others.values()]) {
    const handlers = await handlerIdsOf(tx, c.id);
    recipients.push(...(handlers.length > 0 ? handlers : await officersOf(tx, [c.jurisdictionCode])));
    recipients.push(...(await officersOf(tx, await cityCodesOf(tx, c.jurisdictionPath))));
  }
  for (const other of others.values()) {
    await appendEvent(tx, ctx, other.id, {
      kind: 'duplicate_flagged',
      comment: `新登记的线索 ${clue.clueNo} 与本线索涉及相同的当事人`,
      data: { otherClueId: clue.id },
    });
  }
  await appendEvent(tx, ctx, clue.id, {
    kind: 'duplicate_flagged',
    comment: `与 ${[...others.values()].map((o) => o.clueNo).join('、')} 涉及相同的当事人`,
    data: { otherClueIds: [...others.keys()] },
  });
  await notifyUsers(tx, recipients, {
    title: `疑似重复线索：${clue.clueNo}`,
    body: `新登记的维权线索与 ${[...others.values()].map((o) => o.clueNo).join('、')} 涉及相同的被举报方或权利人，请核实是否关联或并案。`,
    link: `/rights/clues/${clue.id}`,
  });
  return others.size;
}
