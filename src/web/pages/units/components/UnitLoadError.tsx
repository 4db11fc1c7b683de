import { Button } from 'antd';
import type { ApiError } from '../../../app/api';
import { Exception } from '../../../components/Exception';

/** A unit that could not be loaded: the server's own words ("单位不存在或无权查看") for 404, a retry otherwise. */
export function UnitLoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  if (error.status === 404 || error.status === 400) {
    return (
      <Exception
        status={404}
        title={error.status === 404 ? error.message : '单位不存在或无权查看'}
        subTitle="请确认链接是否正确。您只能查看有权查看的单位。"
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
