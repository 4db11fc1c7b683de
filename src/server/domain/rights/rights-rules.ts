/**
 * The effective rules: the defaults of src/shared/data/rights-rules.ts with the city's overrides (table rights_rules)
 * laid over them. Every clock and the criminal proposal read these, never the constants directly.
 */
import { eq } from 'drizzle-orm';
import {
  RIGHTS_CLOCK_RULES,
  RIGHTS_CRIMINAL_THRESHOLD,
  type RightsClockCode,
  type RightsClockRule,
  type RightsCriminalThreshold,
} from '../../../shared/data/rights-rules';
import type { RightsRuleUpdateInput } from '../../../shared/schemas/rights';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { rightsRules } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { isCityOfficer } from './rights-access';

export interface RightsRules {
  clocks: Record<RightsClockCode, RightsClockRule & { version: number }>;
  threshold: RightsCriminalThreshold & { version: number };
}

export async function loadRightsRules(db: Executor): Promise<RightsRules> {
  const rows = await db.select().from(rightsRules);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const clocks = Object.fromEntries(
    Object.entries(RIGHTS_CLOCK_RULES).map(([code, rule]) => {
      const row = byCode.get(code);
      return [code, { ...rule, ...((row?.value as Partial<RightsClockRule>) ?? {}), code, version: row?.version ?? 1 }];
    }),
  ) as RightsRules['clocks'];
  const t = byCode.get(RIGHTS_CRIMINAL_THRESHOLD.code);
  const threshold = {
    ...RIGHTS_CRIMINAL_THRESHOLD,
    ...((t?.value as Partial<RightsCriminalThreshold>) ?? {}),
    code: RIGHTS_CRIMINAL_THRESHOLD.code,
    version: t?.version ?? 1,
  };
  return { clocks, threshold };
}

/** The criminal proposal: reached when the stated loss or illicit gain is at or above the threshold. */
export function criminalProposal(
  clue: { estimatedLossYuan: number | null; illicitGainYuan: number | null },
  threshold: RightsCriminalThreshold,
): { proposed: boolean; reason: string; amountYuan: number; source: string } {
  const amount = Math.max(clue.estimatedLossYuan ?? 0, clue.illicitGainYuan ?? 0);
  const which = (clue.estimatedLossYuan ?? 0) >= (clue.illicitGainYuan ?? 0) ? '估计损失' : '违法所得';
  const fmt = (n: number) => n.toLocaleString('zh-CN');
  const proposed = amount >= threshold.amountYuan;
  const reason = proposed
    ? `${which} ${fmt(amount)} 元，达到${threshold.name}（${fmt(threshold.amountYuan)} 元），建议移送公安机关；由承办人研判决定。`
    : amount > 0
      ? `${which} ${fmt(amount)} 元，未达到${threshold.name}（${fmt(threshold.amountYuan)} 元）。`
      : `未填写损失或违法所得金额，无法对照${threshold.name}（${fmt(threshold.amountYuan)} 元）。`;
  return { proposed, reason, amountYuan: threshold.amountYuan, source: threshold.source };
}

/** The city (municipal level or above) changes a rule's figure; version-guarded, audited. */
export async function updateRightsRule(db: Db, ctx: RequestContext, code: string, input: RightsRuleUpdateInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (!isCityOfficer(actor)) throw forbidden('只有市级及以上市场监管部门可以修改维权规则');
  const isThreshold = code === RIGHTS_CRIMINAL_THRESHOLD.code;
  if (!isThreshold && !(code in RIGHTS_CLOCK_RULES)) throw notFound('规则');
  const fields = isThreshold
    ? { amountYuan: input.amountYuan, source: input.source ?? undefined }
    : { period: input.period, extensionPeriod: input.extensionPeriod, source: input.source ?? undefined };
  const value = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (Object.keys(value).length === 0) {
    const message = isThreshold ? '请填写新的金额或依据' : '请填写新的期限或依据';
    throw new AppError('validation_failed', message, {
      fields: [{ path: isThreshold ? 'amountYuan' : 'period', message }],
    });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(rightsRules).where(eq(rightsRules.code, code)).for('update');
    // A rule never changed is at version 1 (its default).
    const current = row?.version ?? 1;
    if (input.version !== current) throw new AppError('conflict', '规则已被他人修改，请刷新后重试');
    const merged = { ...((row?.value as Record<string, unknown>) ?? {}), ...value };
    if (row) {
      await tx
        .update(rightsRules)
        .set({ value: merged, updatedById: actor.id, version: current + 1, updatedAt: new Date() })
        .where(eq(rightsRules.code, code));
    } else {
      await tx.insert(rightsRules).values({ code, value: merged, updatedById: actor.id, version: 2 });
    }
    await recordAudit(tx, ctx, {
      action: 'rights.rule_update',
      entityType: 'rights_rule',
      entityId: code,
      jurisdictionPath: actor.jurisdictionPath,
      before: row?.value ?? null,
      after: merged,
    });
    return loadRightsRules(tx);
  });
}
