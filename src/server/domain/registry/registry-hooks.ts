/**
 * Hooks of certification and revocation (see ../applications/action-hooks.ts).
 *
 * certify: the decision is required — its date (not in the future, and after the publicity period when there was
 * one: 002 art. 12 "经公示无异议的，由市局发文予以认定") and, for a decision by document, its number, which must fit
 * the programme's `decisionNumberPattern` (spelled as the pattern spells it, the year that of the decision). The
 * platform issues the certificate number and enters the base in the public registry: kind title, category and
 * level from the programme's kind, jurisdiction and industry from the unit, year from the programme. The plaque
 * reads "<unit> <kind full name>" unless the officer gives its text.
 *
 * revoke: the grounds of 002 art. 15, the date (not in the future, not before the decision) and the revoking
 * document; the registry entry keeps all of it, and the date starts the ban on applying again
 * (create-application.ts / the submit hook read it from `bases.revokedOn`).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { chineseDate } from '../../../core/applications/guards';
import { formatDecisionNumber, matchDecisionNumber } from '../../../core/programs/document-number';
import { kindById } from '../../../core/programs/queries';
import type { Programme } from '../../../core/programs/schema';
import { RevocationGround } from '../../../shared/enums';
import type { TransitionInput } from '../../../shared/schemas/application';
import { recordAudit } from '../../audit';
import { bases } from '../../db/schema';
import { AppError } from '../../errors';
import type { ActionHook, ActionHookContext } from '../applications/action-hooks';
import { noticeOfApplication } from '../publicity/publicity-queries';
import { issueCertificateNo } from './certificate-number';

const invalid = (path: string, message: string, reason?: string) =>
  new AppError('validation_failed', message, {
    fields: [{ path, message }],
    ...(reason ? { details: { reason } } : {}),
  });

export interface CheckedDecision {
  form: 'meeting' | 'document';
  number: string | null;
  decidedOn: string;
  plaqueText: string | null;
}

/** The decision checked against the programme; throws a 400 naming the field. Pure. */
export function checkDecision(
  programme: Programme,
  decision: TransitionInput['decision'],
  today: string,
): CheckedDecision {
  if (!decision)
    throw invalid('decision', '请填写认定决定（决定方式、日期，发文认定的须填写文号）', 'decision_required');
  if (decision.decidedOn > today) {
    throw invalid('decision.decidedOn', `认定日期不能晚于今天（${chineseDate(today)}）`);
  }
  const entered = decision.number?.trim() || null;
  let number = entered;
  if (decision.form === 'document') {
    if (!entered) throw invalid('decision.number', '发文认定须填写文号', 'decision_number_required');
    const pattern = programme.decisionNumberPattern;
    if (pattern) {
      const year = Number(decision.decidedOn.slice(0, 4));
      const match = matchDecisionNumber(pattern, entered);
      if (!match) {
        throw invalid(
          'decision.number',
          `文号格式不符合本方案的发文字号，应如“${formatDecisionNumber(pattern, year, 1)}”`,
          'decision_number_pattern',
        );
      }
      if (match.year !== undefined && match.year !== year) {
        throw invalid('decision.number', `文号中的年份（${match.year}）应为认定日期的年份（${year}）`, 'decision_year');
      }
      number = match.normalized;
    }
  }
  return { form: decision.form, number, decidedOn: decision.decidedOn, plaqueText: decision.plaqueText || null };
}

export const certifyHook: ActionHook = {
  async check({ tx, found, input, today }) {
    const decision = checkDecision(found.programme, input.decision, today);
    const notice = await noticeOfApplication(tx, found.application.id);
    if (notice && decision.decidedOn <= notice.endsOn) {
      throw invalid(
        'decision.decidedOn',
        `认定日期应在公示期满（${chineseDate(notice.endsOn)}）之后`,
        'decided_during_publicity',
      );
    }
  },
  async apply({ tx, ctx, found, input, today }) {
    const decision = checkDecision(found.programme, input.decision, today);
    const { application, programme } = found;
    const kind = kindById(programme, application.kindId);
    if (!kind) throw new AppError('conflict', '工作方案中已无此类基地，不能认定');
    const title = kind.fullName ?? kind.name;
    const certificateNo = await issueCertificateNo(tx, programme, found.ownerCode, found.programmeYear, kind);
    const [base] = await tx
      .insert(bases)
      .values({
        applicationId: application.id,
        unitId: application.unitId,
        programmeId: application.programmeId,
        kindId: application.kindId,
        title,
        category: kind.category,
        level: kind.level,
        jurisdictionCode: found.unitJurisdictionCode,
        industryCode: found.unitIndustryCode,
        year: found.programmeYear,
        certificateNo,
        decisionForm: decision.form,
        decisionNumber: decision.number,
        decidedOn: decision.decidedOn,
        plaqueText: decision.plaqueText ?? `${found.unitName} ${title}`,
      })
      .returning({ id: bases.id });
    await recordAudit(tx, ctx, {
      action: 'base.certify',
      entityType: 'base',
      entityId: base!.id,
      unitId: application.unitId,
      jurisdictionPath: found.unitPath,
      after: {
        certificateNo,
        applicationId: application.id,
        title,
        decisionForm: decision.form,
        decisionNumber: decision.number,
        decidedOn: decision.decidedOn,
      },
    });
  },
};

async function activeBase(hook: ActionHookContext) {
  const [base] = await hook.tx.select().from(bases).where(eq(bases.applicationId, hook.found.application.id));
  return base;
}

export const revokeHook: ActionHook = {
  async check(hook) {
    const { input, today } = hook;
    const revocation = input.revocation;
    if (!revocation) {
      throw invalid('revocation', '请填写撤销认定的情形、日期和撤销文号', 'revocation_required');
    }
    if (revocation.revokedOn > today) {
      throw invalid('revocation.revokedOn', `撤销日期不能晚于今天（${chineseDate(today)}）`);
    }
    const base = await activeBase(hook);
    if (!base) throw new AppError('conflict', '名录中没有该申报的示范基地，不能撤销认定');
    if (base.revokedOn) throw new AppError('conflict', '该示范基地已被撤销认定');
    if (revocation.revokedOn < base.decidedOn) {
      throw invalid('revocation.revokedOn', `撤销日期不能早于认定日期（${chineseDate(base.decidedOn)}）`);
    }
  },
  async apply(hook) {
    const { tx, ctx, found, input } = hook;
    const revocation = input.revocation!;
    const updated = await tx
      .update(bases)
      .set({
        revokedOn: revocation.revokedOn,
        revocationGround: revocation.ground,
        revocationDocument: revocation.document,
        revocationNote: revocation.note ?? null,
        version: sql`${bases.version} + 1`,
      })
      .where(and(eq(bases.applicationId, found.application.id), isNull(bases.revokedOn)))
      .returning({ id: bases.id, certificateNo: bases.certificateNo });
    if (updated.length === 0) throw new AppError('conflict', '该示范基地已被撤销认定');
    await recordAudit(tx, ctx, {
      action: 'base.revoke',
      entityType: 'base',
      entityId: updated[0]!.id,
      unitId: found.application.unitId,
      jurisdictionPath: found.unitPath,
      before: { revokedOn: null },
      after: {
        certificateNo: updated[0]!.certificateNo,
        revokedOn: revocation.revokedOn,
        ground: revocation.ground,
        groundLabel: RevocationGround.labels[revocation.ground],
        document: revocation.document,
      },
    });
  },
};
