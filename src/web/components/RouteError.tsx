/**
 * Every route's error boundary: whatever a page throws while rendering ends here in Chinese, with a way back,
 * instead of React Router's English developer screen. A failed lazy load (a new release replaced the page's
 * code) asks for a reload.
 */
import { Button, Flex } from 'antd';
import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router-dom';
import { Exception } from './Exception';

export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  // The error is for developers (the console), never for the page.
  console.error(error);
  if (isRouteErrorResponse(error) && error.status === 404) return <Exception status={404} />;
  return (
    <Exception
      status={500}
      title="页面出错了"
      subTitle="抱歉，页面遇到了意外错误。已填写并保存的内容不会丢失，请重新加载页面或返回首页。"
      extra={
        <Flex gap="small" justify="center">
          <Button type="primary" onClick={() => window.location.reload()}>
            重新加载
          </Button>
          <Button onClick={() => navigate('/')}>返回首页</Button>
        </Flex>
      }
    />
  );
}
