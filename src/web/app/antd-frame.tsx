/**
 * What an antd page needs around it, for the public pages' entry (public-main.tsx), which has no antd of its own
 * (issue 15): the locale, the theme, antd's App (message, modal), dayjs and zod in Chinese. Loaded only when an
 * error screen or an antd dialog of a light page (the publicity objection form) is shown; every public page itself is
 * built on the light components.
 */
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { appTheme } from './theme';
import './zod-locale';

dayjs.locale('zh-cn');

export default function AntdFrame({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={appTheme}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
