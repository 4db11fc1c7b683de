import { Button } from 'antd';
import type { ApiError } from '../app/api';
import { Exception } from './Exception';

/**
 * A record that could not be loaded: for 404 (and a malformed id, 400) the server's own words ("申报不存在或无权查看")
 * with a way back; 403 as no access; anything else with a retry.
 */
export function LoadError({ error, what, onRetry }: { error: ApiError; what: string; onRetry: () => void }) {
  if (error.status === 404 || error.status === 400) {
    return (
      <Exception
        status={404}
        title={error.status === 404 ? error.message : `${what}不存在或无权查看`}
        subTitle={`请确认链接是否正确。您只能查看有权查看的${what}。`}
      />
    );
  }
  if (error.status === 403) return <Exception status={403} subTitle={error.message} />;
  return (
    <Exception
      status={500}
      subTitle={error.message}
      extra={
        <Button type="primary" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
