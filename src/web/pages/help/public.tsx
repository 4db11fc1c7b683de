/** 帮助 for the public (no login): the registry, publicity and objections, evidence verification, how programmes run. */
import { Card, Flex, Typography } from 'antd';
import { PublicLayout } from '../public/PublicLayout';
import { ProgrammeStages, PublicHelp, StatusTable } from './help-content';

export default function PublicHelpPage() {
  return (
    <PublicLayout title="帮助">
      <Flex vertical gap={16}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          帮助
        </Typography.Title>
        <PublicHelp />
        <Card size="small" title="示范基地是怎样认定的">
          <ProgrammeStages />
        </Card>
        <Card size="small" title="申报状态说明">
          <StatusTable />
        </Card>
      </Flex>
    </PublicLayout>
  );
}
