import { Typography } from 'antd';
import dayjs from 'dayjs';
import type { AutosaveStatus } from '../hooks/useAutosave';

/** One line under a form that autosaves: whether what is on the screen is safe on the server. */
export function AutosaveNote({ status }: { status: AutosaveStatus }) {
  const style = { display: 'block', marginTop: 8 };
  switch (status.state) {
    case 'idle':
      return null;
    case 'pending':
      return (
        <Typography.Text type="secondary" style={style} role="status">
          有未保存的修改，稍后自动保存
        </Typography.Text>
      );
    case 'saving':
      return (
        <Typography.Text type="secondary" style={style} role="status">
          正在自动保存…
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="secondary" style={style} role="status">
          已自动保存（{dayjs(status.at).format('HH:mm:ss')}）
        </Typography.Text>
      );
    case 'failed':
      return (
        <Typography.Text type="danger" style={style} role="status">
          自动保存失败：{status.message}
        </Typography.Text>
      );
  }
}
