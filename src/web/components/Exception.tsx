/** Full-page results for "no access", "not found" and failed loads. */
import { Button } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageLoading } from './PageLoading';

// antd's Result carries its large status illustrations: loaded when a result is shown, not with the app's shell.
const Result = lazy(() => import('antd/es/result'));

interface ExceptionProps {
  status: 403 | 404 | 500;
  title?: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}

const DEFAULTS = {
  403: { title: '无权访问', subTitle: '抱歉，您的账号无权访问此页面。' },
  404: { title: '页面不存在', subTitle: '抱歉，您访问的页面不存在。' },
  500: { title: '加载失败', subTitle: '服务器暂时无法处理请求，请稍后重试。' },
} as const;

export function Exception({ status, title, subTitle, extra }: ExceptionProps) {
  const navigate = useNavigate();
  return (
    <Suspense fallback={<PageLoading />}>
      <Result
        status={status === 500 ? 'error' : status}
        title={title ?? DEFAULTS[status].title}
        subTitle={subTitle ?? DEFAULTS[status].subTitle}
        extra={
          extra ?? (
            <Button type="primary" onClick={() => navigate('/')}>
              返回首页
            </Button>
          )
        }
      />
    </Suspense>
  );
}
