/** 帮助 for a logged-in user: the steps of its role, how a programme runs, and what each status means. */
import { Card, Flex } from 'antd';
import { Role } from '../../../shared/enums';
import { useCurrentUser } from '../../app/auth';
import { PageContainer } from '../../components/PageContainer';
import { ProgrammeFormatHelp, ProgrammeStages, PublicHelp, RoleSteps, StatusTable } from './help-content';

export default function HelpPage() {
  const user = useCurrentUser();
  return (
    <PageContainer title="帮助" subTitle={`当前身份：${Role.labels[user.role]}`}>
      <Flex vertical gap={16}>
        <RoleSteps role={user.role} />
        <Card size="small" title="工作方案如何运行">
          <ProgrammeStages />
        </Card>
        <Card size="small" title="申报状态说明">
          <StatusTable />
        </Card>
        {(user.role === 'officer' || user.role === 'admin') && <ProgrammeFormatHelp />}
        <PublicHelp />
      </Flex>
    </PageContainer>
  );
}
