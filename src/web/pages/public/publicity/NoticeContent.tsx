/**
 * One publicity notice's content: programme, issuer, period, text and the proposed list (unit, kind of base,
 * jurisdiction), with a "提出异议" action per listed application while the notice accepts objections. Built on ../ui;
 * the objection form (antd) loads when first opened, with antd's providers (issue 15).
 */
import { lazy, Suspense, useState } from 'react';
import { chineseDay, type Notice, type NoticeEntry, type NoticeState } from '../public-types';
import { Alert, Button, Descriptions, Table, Tag, type TagColor } from '../ui';

const ObjectionDialog = lazy(() => import('./ObjectionDialog'));

const STATE_COLORS: Record<NoticeState, TagColor> = { upcoming: 'warning', open: 'processing', closed: 'default' };

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
  /** The dialog's code is loaded on the first "提出异议" and kept, so it can close with its animation. */
  const [dialogWanted, setDialogWanted] = useState(false);
  const hint = objectionHint(notice);
  const object = (entry: NoticeEntry) => {
    setDialogWanted(true);
    setObjecting(entry);
  };
  return (
    <div className="pub-stack">
      <Descriptions
        columns={2}
        items={[
          { key: 'programme', label: '工作方案', children: `${notice.programmeTitle}（${notice.programmeYear}年）` },
          { key: 'issuer', label: '发布单位', children: notice.issuer },
          { key: 'period', label: '公示期', children: noticePeriod(notice) },
          { key: 'state', label: '状态', children: <NoticeStateTag notice={notice} /> },
        ]}
      />
      {notice.body && <p style={{ whiteSpace: 'pre-line', margin: 0 }}>{notice.body}</p>}
      <Alert type={hint.type} title={hint.text} />
      <div>
        <div style={{ fontWeight: 600, marginBottom: 8 }}>拟认定名单（共 {notice.entries.length} 家）</div>
        <Table<NoticeEntry>
          label={`拟认定名单：${notice.title}`}
          rowKey={(entry) => entry.applicationId}
          rows={notice.entries}
          empty="名单为空"
          columns={[
            { key: 'index', title: '序号', width: 64, render: (entry) => notice.entries.indexOf(entry) + 1 },
            { key: 'unitName', title: '单位名称', render: (entry) => entry.unitName },
            { key: 'kindName', title: '基地类型', render: (entry) => entry.kindName },
            { key: 'jurisdictionName', title: '所在辖区', render: (entry) => entry.jurisdictionName },
            ...(notice.acceptsObjections
              ? [
                  {
                    key: 'objection',
                    title: '异议',
                    width: 120,
                    render: (entry: NoticeEntry) => (
                      <Button aria-label={`对“${entry.unitName}”提出异议`} onClick={() => object(entry)}>
                        提出异议
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      {dialogWanted && (
        <Suspense fallback={null}>
          <ObjectionDialog
            noticeId={notice.id}
            noticeTitle={notice.title}
            entry={objecting}
            onClose={() => setObjecting(null)}
          />
        </Suspense>
      )}
    </div>
  );
}
