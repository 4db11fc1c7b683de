/**
 * What the help pages say to everyone, without antd or zod (issue 15): how a programme runs (its stages), what each
 * application status means and what comes next, and the public sections. The workbench's help (help-content.tsx,
 * antd) and the public help page (public.tsx, light components) both render these. Statuses and stages come from
 * their enumerations' labels and "what comes next" from the transition table, so neither can drift from the rules.
 */
import {
  APPLICATION_STATUS_LABELS,
  describeNextStep,
  nextStep,
  WORKFLOW_ROLE_LABELS,
} from '../../../core/applications/transitions';
import { STAGE_KIND_LABELS } from '../../../core/programs/stage-kind-labels';

type StageKind = keyof typeof STAGE_KIND_LABELS;
type ApplicationStatus = keyof typeof APPLICATION_STATUS_LABELS;

/** What each kind of stage is for (its name comes from StageKind.labels). */
const STAGE_MEANINGS: Record<StageKind, string> = {
  cultivation: '监管部门确定培育对象，开展针对性辅导，帮助单位对照建设标准完善商业秘密保护工作。',
  application: '单位在申报期内对照评价标准自评，填写申报表并提交；申报截止后不再受理。',
  district_review: '属地区县监管部门审核申报材料，必要时退回补充材料，按名额择优推荐。',
  acceptance: '方案主管部门组织验收组（专家、监管人员），通过书面预审、实地考察、会议验收等方式评分或核查。',
  publicity: '拟认定名单向社会公示若干工作日，期间任何人可提出异议；异议处理完毕后方可批准。',
  approval: '主管部门按程序审议决定（如局长办公会议）。',
  certification: '发文认定、授牌并在示范基地名录中公布；认定后实行动态管理，不符合条件的撤销认定。',
};

/** What an application in each status is (its label comes from ApplicationStatus.labels). */
const STATUS_MEANINGS: Record<ApplicationStatus, string> = {
  draft: '申报单位正在填写申报表，尚未提交，监管部门看不到。',
  submitted: '已提交，等待审核（区县审核推荐或方案主管部门启动验收）。',
  returned: '审核部门要求补充材料，申报单位修改后重新提交。',
  district_recommended: '属地区县监管部门已审核推荐，等待上级验收（无后续阶段的方案至此结束）。',
  district_not_recommended: '区县审核后未予推荐，本次申报结束。',
  under_acceptance: '验收组正在评分或核查。',
  acceptance_passed: '验收通过，等待公示或批准。',
  acceptance_failed: '验收未通过，本次申报结束。',
  in_publicity: '拟认定名单正在公示，公众可在公示期内提出异议。',
  approved: '主管部门已批准，等待发文认定。',
  not_approved: '经公示或审议未予认定，本次申报结束。',
  certified: '已认定为示范基地，在示范基地名录中公布。',
  withdrawn: '申报单位已撤回申报。',
  revoked: '已撤销认定；被撤销的单位在规定期限内（一般两年）不得再次申报。',
};

const ALL_STAGES = Object.keys(STAGE_KIND_LABELS) as StageKind[];

/** The stages in order, each with its name and what it is for. */
export const STAGE_ROWS = ALL_STAGES.map((kind) => ({
  kind,
  title: STAGE_KIND_LABELS[kind],
  description: STAGE_MEANINGS[kind],
}));

export const STAGES_INTRO =
  '每个监管部门每年发布自己的工作方案，规定可申报的基地类型、申报表、评价标准和各阶段安排。阶段按下列顺序进行；' +
  '方案中没有的阶段直接跳过（例如没有区县审核推荐的方案，提交后直接进入验收）。';

/** Every status with what it means and, for a programme with every stage, what it waits for. */
export const STATUS_ROWS = (Object.keys(APPLICATION_STATUS_LABELS) as ApplicationStatus[]).map((status) => ({
  status,
  meaning: STATUS_MEANINGS[status],
  next: describeNextStep(nextStep(status, ALL_STAGES), WORKFLOW_ROLE_LABELS.applicant),
}));

export const STATUS_COLUMNS = { status: '状态', meaning: '含义', next: '下一步（阶段齐全的方案）' } as const;

/** The public sections explained: a card each, its text or its steps. */
export const PUBLIC_HELP: readonly { title: string; text?: string; steps?: readonly string[] }[] = [
  {
    title: '示范基地名录',
    text:
      '“示范基地名录”列出经监管部门认定的商业秘密保护示范基地（示范点、示范站、示范区）。牌匾和证书上的二维码指向名录中该基地的页面，' +
      '可用手机扫码核对；已撤销认定的基地会标明“已撤销”。',
  },
  {
    title: '公示与异议',
    text:
      '拟认定名单在“公示”栏目公示若干工作日。对名单中的单位有异议的，可在公示期内在公示页面提出，写明理由并可附证明材料；' +
      '监管部门将书面处理每一件异议。',
  },
  {
    title: '存证验证',
    steps: [
      '在“存证验证”页面输入存证证书上的证书编号（或选择验证包），再选择原文件，即可核验该文件在证书所载时间已经存在且此后未被改动。原文件只在本机计算摘要，不会上传。',
      '不联网、不依赖本平台也能验证：在“存证验证”页面下载“离线验证工具”（一个网页文件），与验证包、原文件一起保存；日后用浏览器打开它，选择验证包和原文件即可验证。',
    ],
  },
];
