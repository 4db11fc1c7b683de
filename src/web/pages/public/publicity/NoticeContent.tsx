/**
 * One publicity notice's content: programme, issuer, period, text and the proposed list (unit, kind of base,
 * jurisdiction), with a "提出异议" action per listed application while the notice accepts objections.
 */
import { Alert, Button, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { chineseDay, type Notice, type NoticeEntry, type NoticeState } from '../public-types';
import { ObjectionModal } from './ObjectionModal';

const STATE_COLORS: Record<NoticeState, string> = { upcoming: 'warning', open: 'processing', closed: 'default' };

export function NoticeStateTag({ notice }: { notice: Pick<Notice, 'state' | 'stateLabel'> }) {
  return <Tag color={STATE_COLORS[notice.state]}>{notice.stateLabel}</Tag>;
}

/** "2025年6月3日 至 2025年6月9日（5个工作日）". */
export function noticePeriod(notice: Pick<Notice, 'startsOn' | 'endsOn' | 'workingDays'>): string {
  return `${chineseDay(notice.startsOn)} 至 ${chineseDay(notice.endsOn)}（${notice.workingDays}个工作日）`;
}

function objectionHint(notice: Notice): { type: 'info' | 'warning'; text: string } {
  if (notice.acceptsObjections) {
    return {
      type: 'info',
      text: `公示期内，任何单位和个人对名单中的单位有异议的，可在${chineseDay(notice.endsOn)}前点击“提出异议”，以真实姓名（或单位名称）提出并留下联系方式。`,
    };
  }
  if (notice.state === 'upcoming') {
    return { type: 'warning', text: `公示尚未开始，${chineseDay(notice.startsOn)}起可以提出异议。` };
  }
  if (notice.state === 'closed') return { type: 'warning', text: '公示期已满，不再受理异议。' };
  return { type: 'warning', text: '本公示不受理异议。' };
}

export function NoticeContent({ notice }: { notice: Notice }) {
  const [objecting, setObjecting] = useState<NoticeEntry | null>(null);
  const hint = objectionHint(notice);
  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'programme', label: '工作方案', children: `${notice.programmeTitle}（${notice.programmeYear}年）` },
          { key: 'issuer', label: '发布单位', children: notice.issuer },
          { key: 'period', label: '公示期', children: noticePeriod(notice) },
          { key: 'state', label: '状态', children: <NoticeStateTag notice={notice} /> },
        ]}
      />
      {notice.body && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{notice.body}</Typography.Paragraph>
      )}
      <Alert type={hint.type} showIcon title={hint.text} />
      <Table<NoticeEntry>
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={notice.entries}
        scroll={{ x: 'max-content' }}
        title={() => <Typography.Text strong>拟认定名单（共 {notice.entries.length} 家）</Typography.Text>}
        locale={{ emptyText: '名单为空' }}
        columns={[
          { title: '序号', key: 'index', width: 64, render: (_: unknown, __: NoticeEntry, index: number) => index + 1 },
          { title: '单位名称', dataIndex: 'unitName' },
          { title: '基地类型', dataIndex: 'kindName' },
          { title: '所在辖区', dataIndex: 'jurisdictionName' },
          ...(notice.acceptsObjections
            ? [
                {
                  title: '异议',
                  key: 'objection',
                  width: 120,
                  render: (_: unknown, entry: NoticeEntry) => (
                    <Button
                      size="small"
                      aria-label={`对“${entry.unitName}”提出异议`}
                      onClick={() => setObjecting(entry)}
                    >
                      提出异议
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ObjectionModal
        noticeId={notice.id}
        noticeTitle={notice.title}
        entry={objecting}
        onClose={() => setObjecting(null)}
      />
    </Flex>
  );
}
