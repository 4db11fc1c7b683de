/**
 * Who hears of each step of a simulated attack assessment: the firm's accounts, the provider's accounts and the
 * responsible officer (before one is assigned, the officers of the firm's district bureau, who schedule it), never the
 * one who took the step. Written in the step's transaction (the notifications outbox). The messages name the step,
 * never the report's content: the report stays behind its audited read.
 */
import { FindingStatus } from '../../../shared/enums-services';
import type { Executor } from '../../db/client';
import { notifyUsers, unitAccountIds } from '../notifications/notify';
import { officersOf } from '../rights/rights-events';

export type AttackStep =
  | { kind: 'requested' }
  | { kind: 'scheduled'; scheduledOn: string }
  | { kind: 'reported'; findings: number }
  | { kind: 'finding'; status: FindingStatus; closed: boolean };

interface AttackSubject {
  unitId: string;
  unitName: string;
  unitPath: string;
  partnerName: string;
  providerUnitId: string | null;
  responsibleOfficerId: string | null;
}

function messageOf(step: AttackStep, a: AttackSubject) {
  const of = `${a.unitName}的模拟网络攻击评估（${a.partnerName}）`;
  switch (step.kind) {
    case 'requested':
      return {
        title: '新的模拟攻击评估申请',
        body: `${a.unitName}申请由${a.partnerName}开展模拟网络攻击评估，请安排。`,
      };
    case 'scheduled':
      return { title: '模拟攻击评估已安排', body: `${of}已安排在 ${step.scheduledOn} 进行。` };
    case 'reported':
      return {
        title: '模拟攻击评估报告已提交',
        body:
          step.findings === 0
            ? `${of}的报告已提交，未发现问题，评估已关闭。`
            : `${of}的报告已提交，发现 ${step.findings} 项问题待整改，请登录查看。`,
      };
    case 'finding':
      return {
        title: step.closed ? '模拟攻击评估已关闭' : '评估问题整改情况更新',
        body: step.closed
          ? `${of}的问题均已处理，评估已关闭。`
          : `${of}有一项问题更新为“${FindingStatus.labels[step.status]}”。`,
      };
  }
}

export async function notifyAttackParties(tx: Executor, actorId: string, a: AttackSubject, step: AttackStep) {
  const district = a.unitPath.split('.').filter(Boolean).at(-1)!;
  const officers = a.responsibleOfficerId ? [a.responsibleOfficerId] : await officersOf(tx, [district]);
  const recipients = [...(await unitAccountIds(tx, [a.unitId, a.providerUnitId])), ...officers].filter(
    (id) => id !== actorId,
  );
  await notifyUsers(tx, recipients, { ...messageOf(step, a), link: '/attack-assessments' });
}
