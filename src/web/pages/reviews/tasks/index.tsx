/**
 * An expert's review assignments. Assignment of applications to experts arrives with the application workflow; until
 * then the list is truthfully empty.
 */
import { Alert, Card, Empty, Table } from 'antd';
import { PageContainer } from '../../../components/PageContainer';

interface ReviewTask {
  id: string;
}

export default function ReviewTasksPage() {
  return (
    <PageContainer title="我的评审任务" subTitle="分配给您评分或核查的申报材料">
      <Alert
        type="info"
        showIcon
        title="评审任务由监管部门在组建验收组时分配。分配后您将在此看到申报单位、基地类型、评审标准和截止时间。"
      />
      <Card size="small">
        <Table<ReviewTask>
          rowKey="id"
          dataSource={[]}
          pagination={false}
          locale={{ emptyText: <Empty description="暂无分配给您的评审任务" /> }}
          columns={[
            { title: '申报单位', key: 'unit' },
            { title: '基地类型', key: 'kind' },
            { title: '工作方案', key: 'programme' },
            { title: '评审方式', key: 'method' },
            { title: '截止时间', key: 'deadline' },
            { title: '状态', key: 'status' },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
