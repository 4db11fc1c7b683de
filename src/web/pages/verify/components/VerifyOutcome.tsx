/**
 * The answer of a public verification: passed or not, what the record says (unit, label, trusted time), and each
 * check on its own line.
 */
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Descriptions, type DescriptionsProps, Flex, Result, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  beijingTime,
  CHECK_LABELS,
  CHECK_STATUS_LABELS,
  type CheckStatus,
  type VerifyCheck,
  type VerifyResponse,
} from '../../evidence/evidence-common';

const STATUS_ICONS: Record<CheckStatus, ReactNode> = {
  pass: <CheckCircleFilled style={{ color: '#16a34a', fontSize: 18 }} />,
  fail: <CloseCircleFilled style={{ color: '#dc2626', fontSize: 18 }} />,
  skipped: <MinusCircleOutlined style={{ color: '#9ca3af', fontSize: 18 }} />,
};

const STATUS_COLORS: Record<CheckStatus, string> = { pass: 'success', fail: 'error', skipped: 'default' };

/** The order checks are listed in: the known ones first, then any the server adds later. */
function orderedChecks(checks: Record<string, VerifyCheck>): [string, VerifyCheck][] {
  const known = Object.keys(CHECK_LABELS).filter((name) => checks[name]);
  const others = Object.keys(checks).filter((name) => !(name in CHECK_LABELS));
  return [...known, ...others].map((name) => [name, checks[name]!]);
}

const metaText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function summary(result: VerifyResponse): string {
  const digest = result.checks.digest?.status;
  if (result.ok) {
    return digest === 'pass'
      ? '文件与存证记录一致：该文件在下列可信时间已经存在，此后未被改动；存证记录已被日志收录、签名并加盖可信时间戳。'
      : '存证记录真实有效。未比对文件：请同时提供原文件或其摘要，以确认文件未被改动。';
  }
  const failed = orderedChecks(result.checks)
    .filter(([, check]) => check.status === 'fail')
    .map(([name]) => CHECK_LABELS[name] ?? name);
  if (failed.length === 1 && digest === 'fail') {
    return '存证记录本身有效，但所提供的文件（或摘要）与存证时的文件不一致：文件已被改动、不是同一份文件，或摘要算法选择不对。';
  }
  return `未通过的检查：${failed.join('、')}。`;
}

export function VerifyOutcome({ result }: { result: VerifyResponse }) {
  const meta = result.metadata ?? {};
  const items: DescriptionsProps['items'] = [];
  const unitName = metaText(meta.unitName);
  const creditCode = metaText(meta.creditCode);
  const label = metaText(meta.label);
  if (unitName) items.push({ key: 'unit', label: '存证单位', children: unitName });
  if (creditCode) {
    items.push({
      key: 'creditCode',
      label: '统一社会信用代码',
      children: <span style={{ fontFamily: 'monospace' }}>{creditCode}</span>,
    });
  }
  if (label) items.push({ key: 'label', label: '存证名称', children: label });
  if (result.timestampTime) {
    items.push({ key: 'time', label: '可信时间', children: beijingTime(result.timestampTime) });
  }
  if (result.leafIndex !== null) items.push({ key: 'index', label: '日志序号', children: result.leafIndex });
  if (result.treeSize !== null) items.push({ key: 'size', label: '树大小', children: result.treeSize });

  return (
    <Flex vertical gap={16} data-testid="verify-result" data-ok={result.ok}>
      <Result
        status={result.ok ? 'success' : 'error'}
        title={result.ok ? '验证通过' : '验证未通过'}
        subTitle={summary(result)}
        style={{ padding: '16px 0 0' }}
      />
      {items.length > 0 && <Descriptions bordered size="small" column={1} items={items} />}
      <div>
        <Typography.Text strong>逐项检查</Typography.Text>
        <ul aria-label="逐项检查" style={{ listStyle: 'none', margin: '8px 0 0', padding: 0 }}>
          {orderedChecks(result.checks).map(([name, check]) => (
            <li
              key={name}
              data-testid={`check-${name}`}
              data-status={check.status}
              style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <Flex gap={12} align="flex-start">
                <span style={{ lineHeight: '22px' }}>{STATUS_ICONS[check.status]}</span>
                <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                  <Flex gap={8} align="center" justify="space-between">
                    <Typography.Text strong>{CHECK_LABELS[name] ?? name}</Typography.Text>
                    <Tag color={STATUS_COLORS[check.status]} style={{ marginInlineEnd: 0 }}>
                      {CHECK_STATUS_LABELS[check.status]}
                    </Tag>
                  </Flex>
                  {check.detail && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                      {name === 'timestamp' && check.status === 'pass' ? beijingTime(check.detail) : check.detail}
                    </Typography.Text>
                  )}
                </Flex>
              </Flex>
            </li>
          ))}
        </ul>
      </div>
    </Flex>
  );
}
