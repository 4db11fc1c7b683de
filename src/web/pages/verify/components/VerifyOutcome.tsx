/**
 * The answer of a public verification: passed or not, what the record says (unit, label, trusted time), and each
 * check on its own line. Built on the public pages' light components (issue 15).
 */
import {
  beijingTime,
  CHECK_LABELS,
  CHECK_STATUS_LABELS,
  type CheckStatus,
  type VerifyCheck,
  type VerifyResponse,
} from '../../evidence/evidence-common';
import { type DescriptionItem, Descriptions, Result, Tag, type TagColor } from '../../public/ui';

const STATUS_MARKS: Record<CheckStatus, string> = { pass: '✓', fail: '✕', skipped: '–' };

const STATUS_COLORS: Record<CheckStatus, TagColor> = { pass: 'success', fail: 'error', skipped: 'default' };

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
  const items: DescriptionItem[] = [];
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
  if (result.leafIndex !== null) items.push({ key: 'index', label: '日志序号', children: String(result.leafIndex) });
  if (result.treeSize !== null) items.push({ key: 'size', label: '树大小', children: String(result.treeSize) });

  return (
    <div className="pub-stack" data-testid="verify-result" data-ok={result.ok}>
      <Result
        status={result.ok ? 'success' : 'error'}
        title={result.ok ? '验证通过' : '验证未通过'}
        subTitle={summary(result)}
      />
      {items.length > 0 && <Descriptions items={items} />}
      <div>
        <strong>逐项检查</strong>
        <ul aria-label="逐项检查" className="pub-checks">
          {orderedChecks(result.checks).map(([name, check]) => (
            <li key={name} data-testid={`check-${name}`} data-status={check.status}>
              <span className={`pub-check-mark pub-check-${check.status}`} aria-hidden="true">
                {STATUS_MARKS[check.status]}
              </span>
              <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
                <div className="pub-row" style={{ justifyContent: 'space-between', flexWrap: 'nowrap' }}>
                  <strong>{CHECK_LABELS[name] ?? name}</strong>
                  <Tag color={STATUS_COLORS[check.status]}>{CHECK_STATUS_LABELS[check.status]}</Tag>
                </div>
                {check.detail && (
                  <span className="pub-secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {name === 'timestamp' && check.status === 'pass' ? beijingTime(check.detail) : check.detail}
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
