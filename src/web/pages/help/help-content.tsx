/**
 * The workbench's help in antd: the steps each role takes and the programme format, and, from help-texts.ts (which
 * the public help page renders too), how a programme runs, what each status means and the public sections.
 */
import { Card, Flex, Steps, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ApplicationStatus } from '../../../core/applications/workflow';
import type { Role } from '../../../shared/enums';
import { ApplicationStatusTag } from '../applications/components/ApplicationStatusTag';
import { PUBLIC_HELP, STAGE_ROWS, STAGES_INTRO, STATUS_COLUMNS, STATUS_ROWS } from './help-texts';

export function StatusTable() {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="status"
      data-testid="help-statuses"
      dataSource={STATUS_ROWS}
      columns={[
        {
          title: STATUS_COLUMNS.status,
          dataIndex: 'status',
          width: 130,
          render: (status: ApplicationStatus) => <ApplicationStatusTag status={status} />,
        },
        { title: STATUS_COLUMNS.meaning, dataIndex: 'meaning' },
        { title: STATUS_COLUMNS.next, dataIndex: 'next', width: 300 },
      ]}
      scroll={{ x: 640 }}
    />
  );
}

export function ProgrammeStages() {
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph style={{ margin: 0 }}>{STAGES_INTRO}</Typography.Paragraph>
      <Steps
        direction="vertical"
        size="small"
        current={-1}
        items={STAGE_ROWS.map((stage) => ({
          title: stage.title,
          description: stage.description,
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
      {PUBLIC_HELP.map((section) => (
        <Card key={section.title} size="small" title={section.title}>
          {section.steps ? (
            <StepList steps={[...section.steps]} />
          ) : (
            <Typography.Paragraph style={{ margin: 0 }}>{section.text}</Typography.Paragraph>
          )}
        </Card>
      ))}
    </Flex>
  );
}
