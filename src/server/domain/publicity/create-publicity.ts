/**
 * The owning bureau publishes the proposed list (公示): a notice of the programme with the applications that passed
 * acceptance. Its length is the programme's (publicity stage `workingDays`) or the platform default, counted on the
 * working-day calendar with the administrators' overrides; the end date is fixed when the notice is published.
 * One transaction: the notice and its entries, then each application moves to `in_publicity` through the normal
 * transition (history, audit, notifications) — the `start_publicity` hook refuses the action for an application
 * that is not on a notice, so this is the only way to start publicity.
 */

import { chineseDate } from '../../../core/applications/guards';
import { programmePublicityPeriod, publicityStage } from '../../../core/applications/publicity';
import { ApplicationStatus } from '../../../core/applications/workflow';
import { uncoveredWarning } from '../../../core/calendar/coverage';
import type { Programme } from '../../../core/programs/schema';
import type { PublicityCreateInput } from '../../../shared/schemas/publicity';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { publicityEntries, publicityNotices } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { findApplication } from '../applications/application-queries';
import { transitionApplication } from '../applications/transition-application';
import { loadWorkdayCalendar } from '../calendar/calendar-overrides';
import { uncoveredYearsBetween } from '../calendar/calendar-years';
import { findProgramme } from '../programmes/programme-queries';
import { managesNotice } from './publicity-queries';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

export async function createPublicity(
  db: Db,
  ctx: RequestContext,
  input: PublicityCreateInput,
  today: string,
): Promise<{ noticeId: string; warnings: string[] }> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await findProgramme(db, input.programmeId);
  if (!found || (found.programme.status !== 'published' && !managesNotice(actor, found.ownerPath))) {
    throw notFound('工作方案');
  }
  if (!managesNotice(actor, found.ownerPath)) throw forbidden('只有工作方案的主管部门可以发布公示');
  if (found.programme.status !== 'published') {
    throw new AppError('invalid_transition', '工作方案尚未发布，不能公示');
  }
  const programme = found.programme.definition as Programme;
  if (!publicityStage(programme)) {
    throw new AppError('invalid_transition', '本方案没有公示阶段，验收通过后直接报批', {
      details: { reason: 'no_publicity_stage' },
    });
  }
  if (input.startsOn < today) {
    throw invalid('startsOn', `公示开始日期不能早于今天（${chineseDate(today)}）`);
  }
  const period = programmePublicityPeriod(programme, input.startsOn, await loadWorkdayCalendar(db));
  // A period reaching a year without the official arrangement may end on a holiday: say so, and record it.
  const calendarWarning = uncoveredWarning(await uncoveredYearsBetween(db, input.startsOn, period.end), '公示期');

  return db.transaction(async (tx) => {
    // Every listed application must be this programme's and have passed acceptance; all problems at once.
    const loaded = await Promise.all(input.applicationIds.map((id) => findApplication(tx, id)));
    const problems = loaded.flatMap((app, i) => {
      const path = `applicationIds.${i}`;
      if (!app || app.application.programmeId !== input.programmeId || app.application.status === 'draft') {
        return [{ path, message: '申报不存在或不属于本方案' }];
      }
      if (app.application.status !== 'acceptance_passed') {
        const status = ApplicationStatus.labels[app.application.status];
        return [{ path, message: `${app.unitName}的申报当前状态为“${status}”，只有验收通过的申报可以公示` }];
      }
      return [];
    });
    if (problems.length > 0) {
      throw new AppError('invalid_transition', problems.map((p) => p.message).join('；'), {
        fields: problems,
        details: { reason: 'not_acceptance_passed' },
      });
    }
    const [notice] = await tx
      .insert(publicityNotices)
      .values({
        programmeId: input.programmeId,
        title: input.title,
        body: input.body,
        startsOn: input.startsOn,
        workingDays: period.workingDays,
        endsOn: period.end,
        createdById: actor.id,
      })
      .returning({ id: publicityNotices.id });
    const noticeId = notice!.id;
    await tx
      .insert(publicityEntries)
      .values(input.applicationIds.map((applicationId) => ({ noticeId, applicationId })));
    const comment = `公示：${input.title}（${chineseDate(input.startsOn)}至${chineseDate(period.end)}，${period.workingDays}个工作日）`;
    const warnings = calendarWarning ? [calendarWarning] : [];
    for (const app of loaded) {
      // The version just read in this transaction: the transition locks the row and checks it again.
      const transitioned = await transitionApplication(
        tx,
        ctx,
        app!.application.id,
        { action: 'start_publicity', version: app!.application.version, comment },
        today,
      );
      for (const w of transitioned.warnings) if (!warnings.includes(w.message)) warnings.push(w.message);
    }
    await recordAudit(tx, ctx, {
      action: 'publicity.create',
      entityType: 'publicity',
      entityId: noticeId,
      jurisdictionPath: found.ownerPath,
      after: {
        programme: found.programme.code,
        title: input.title,
        startsOn: input.startsOn,
        endsOn: period.end,
        workingDays: period.workingDays,
        lengthSource: period.source,
        applications: input.applicationIds,
        ...(warnings.length > 0 ? { warnings } : {}),
      },
    });
    return { noticeId, warnings };
  });
}
