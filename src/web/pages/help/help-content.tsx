/**
 * What the help pages say: how a programme runs (its stages), the steps each role takes, and what each application
 * status means. The status list is built from the shared ApplicationStatus enum and its labels, and "what comes
 * next" of each status from the transition table (core/applications/guidance), so neither can drift from the rules.
 */
import { Card, Flex, Steps, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { describeNextStep, nextStep } from '../../../core/applications/guidance';
import { ApplicationStatus, WorkflowRole } from '../../../core/applications/workflow';
import { StageKind } from '../../../core/programs/enums';
import type { Role } from '../../../shared/enums';
import { ApplicationStatusTag } from '../applications/components/ApplicationStatusTag';

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

const ALL_STAGES = StageKind.values;

export function StatusTable() {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="status"
      data-testid="help-statuses"
      dataSource={ApplicationStatus.values.map((status) => ({
        status,
        meaning: STATUS_MEANINGS[status],
        next: describeNextStep(nextStep(status, ALL_STAGES), WorkflowRole.labels.applicant),
      }))}
      columns={[
        {
          title: '状态',
          dataIndex: 'status',
          width: 130,
          render: (status: ApplicationStatus) => <ApplicationStatusTag status={status} />,
        },
        { title: '含义', dataIndex: 'meaning' },
        { title: '下一步（阶段齐全的方案）', dataIndex: 'next', width: 300 },
      ]}
      scroll={{ x: 640 }}
    />
  );
}

export function ProgrammeStages() {
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph style={{ margin: 0 }}>
        每个监管部门每年发布自己的工作方案，规定可申报的基地类型、申报表、评价标准和各阶段安排。阶段按下列顺序进行；
        方案中没有的阶段直接跳过（例如没有区县审核推荐的方案，提交后直接进入验收）。
      </Typography.Paragraph>
      <Steps
        direction="vertical"
        size="small"
        current={-1}
        items={ALL_STAGES.map((kind) => ({
          title: StageKind.labels[kind],
          description: STAGE_MEANINGS[kind],
          status: 'wait' as const,
        }))}
      />
    </Flex>
  );
}

function StepList({ steps }: { steps: ReactNode[] }) {
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {steps.map((step, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of steps
        <li key={i} style={{ marginBottom: 4 }}>
          {step}
        </li>
      ))}
    </ol>
  );
}

const ROLE_STEPS: Record<Role, { title: string; steps: ReactNode[] }> = {
  applicant: {
    title: '申报单位怎么做',
    steps: [
      '在“本单位信息”中核对单位资料，登记联络员和保密员。',
      '在“工作台账”中如实记录培训、指导、宣传、自查等工作，并上传佐证材料；评价标准中的许多指标由台账自动计算。',
      '在“首页”查看可以申报的工作方案、截止日期和剩余天数。',
      '在“自评”中选择工作方案和基地类型，对照评价标准逐项自评，查看估算得分与差距清单。申报已截止的方案只能练习自评，练习结果不能转为申报。',
      '自评完成后点击“转为申报”，在“申报管理”中填写申报表并提交。',
      '提交后在“首页”查看每份申报在等待谁、下一步是什么；被退回时按要求补充材料后重新提交。',
      '认定后继续维护台账，配合动态管理。需要保全商业秘密文件时，使用“商业秘密存证”。',
    ],
  },
  officer: {
    title: '监管部门怎么做',
    steps: [
      '在“首页”查看本辖区工作方案的阶段安排、待我处理的申报和逾期事项（按业务日期计算）。',
      '市级及以上监管部门在“工作方案”中导入、发布本年度方案；区县监管部门按方案开展培育、审核推荐。',
      '在“单位管理”和“工作台账”中登记辖区单位、指派指导员、记录业务指导。',
      '在“申报管理”中审核申报：退回补充材料、审核推荐或不予推荐；方案主管部门启动验收、组建验收组并记录验收情况。',
      '在“公示管理”中发布公示、处理异议；公示期满且异议处理完毕后批准、认定。',
      '认定后在名录中公布，并按动态管理要求复核，必要时撤销认定。',
    ],
  },
  expert: {
    title: '专家怎么做',
    steps: [
      '在“我的专家信息”中核对专业领域，并如实申报利益冲突。',
      '监管部门将您加入验收组后，申报出现在“我的评审任务”中，“首页”显示待评审数量。',
      '逐项评分并填写评审意见；评分表保存后可继续修改，全部项目评完方为完成。',
      '与申报单位存在利益冲突的，请申请回避。',
    ],
  },
  admin: {
    title: '系统管理员怎么做',
    steps: [
      '在“账号管理”中为监管部门、专家和申报单位开设账号、重置密码。',
      '在“工作日历”中维护法定节假日与调休，公示期等工作日期限据此计算。',
      '演示、培训部署可在“首页”调整业务日期，以便按往年的工作方案演练；正式部署的业务日期为实际日期。',
      '在“操作日志”中查阅各项操作记录。',
    ],
  },
};

export function RoleSteps({ role }: { role: Role }) {
  const { title, steps } = ROLE_STEPS[role];
  return (
    <Card size="small" title={title} data-testid="help-role-steps">
      <StepList steps={steps} />
    </Card>
  );
}

export function ProgrammeFormatHelp() {
  return (
    <Card size="small" title="工作方案文件格式" id="programme-format">
      <Typography.Paragraph style={{ margin: 0 }}>
        工作方案以 YAML 或 JSON
        文件导入，包括：方案基本信息（编号、年度、标题、发布部门）；可申报的基地类型及适用的单位类型；
        每类基地的申报表字段；评价标准（计分制：指标、分值、加分项及上限、合格分；或条件制：须全部满足的条件）；
        各阶段及其日期（申报期、审核推荐、验收、公示工作日数、报批、认定）；各辖区的建设任务。
        导入时平台逐项检查并用中文列出全部问题；可先导出一份已发布的方案作为模板修改。
      </Typography.Paragraph>
    </Card>
  );
}

export function PublicHelp() {
  return (
    <Flex vertical gap={16}>
      <Card size="small" title="示范基地名录">
        <Typography.Paragraph style={{ margin: 0 }}>
          “示范基地名录”列出经监管部门认定的商业秘密保护示范基地（示范点、示范站、示范区）。牌匾和证书上的二维码指向名录中该基地的页面，
          可用手机扫码核对；已撤销认定的基地会标明“已撤销”。
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="公示与异议">
        <Typography.Paragraph style={{ margin: 0 }}>
          拟认定名单在“公示”栏目公示若干工作日。对名单中的单位有异议的，可在公示期内在公示页面提出，写明理由并可附证明材料；
          监管部门将书面处理每一件异议。
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="存证验证">
        <StepList
          steps={[
            '在“存证验证”页面输入存证证书上的证书编号（或选择验证包），再选择原文件，即可核验该文件在证书所载时间已经存在且此后未被改动。原文件只在本机计算摘要，不会上传。',
            '不联网、不依赖本平台也能验证：在“存证验证”页面下载“离线验证工具”（一个网页文件），与验证包、原文件一起保存；日后用浏览器打开它，选择验证包和原文件即可验证。',
          ]}
        />
      </Card>
    </Flex>
  );
}
