/**
 * A programme's application window on the business date: its state (申报中 / 尚未开始 / 已截止) as a tag, and the
 * deadline with the days left. Labels come from WindowState; the figures from the server's guidance summary.
 */
import { Tag, Typography } from 'antd';
import { type ApplicationWindow, WindowState } from '../../core/applications/guidance';

export type ProgrammeWindowValue = ApplicationWindow;

const COLORS: Record<WindowState, string> = {
  open: 'success',
  not_open: 'processing',
  closed: 'default',
  none: 'default',
};

export function ProgrammeWindowTag({ window }: { window: ProgrammeWindowValue }) {
  return (
    <Tag color={COLORS[window.state]} data-testid="window-state">
      {WindowState.labels[window.state]}
    </Tag>
  );
}

/** "截止 2022-03-31，还剩 17 天" / "2022-04-01 起可申报（还有 9 天）" / "已于 2022-03-31 截止". */
export function windowText(window: ProgrammeWindowValue): string {
  switch (window.state) {
    case 'open':
      return `截止 ${window.closes}，还剩 ${window.daysLeft} 天`;
    case 'not_open':
      return `${window.opens} 起可申报（还有 ${window.daysUntilOpen} 天），截止 ${window.closes}`;
    case 'closed':
      return `已于 ${window.closes} 截止，只能练习自评`;
    case 'none':
      return '本方案不接受申报，只能练习自评';
  }
}

export function ProgrammeWindow({ window }: { window: ProgrammeWindowValue }) {
  return (
    <span>
      <ProgrammeWindowTag window={window} />
      <Typography.Text type={window.state === 'open' ? undefined : 'secondary'} data-testid="window-text">
        {windowText(window)}
      </Typography.Text>
    </span>
  );
}
