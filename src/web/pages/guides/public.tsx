/** 指引与范本 (public): the public documents of the guides and rules library, searchable and downloadable, no login. */
import { Card, Typography } from 'antd';
import { PublicLayout } from '../public/PublicLayout';
import { GuideList } from './GuideList';

export default function PublicGuidesPage() {
  return (
    <PublicLayout title="商业秘密保护指引与范本">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          商业秘密保护指引与范本
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          各级市场监督管理部门发布的保护指引、规则指引及保密协议、竞业限制条款、内部管理制度等范本，可检索、下载。
          注册单位登录后还可查阅仅向注册单位开放的文件。
        </Typography.Paragraph>
        <GuideList base="/public-guides" />
      </Card>
    </PublicLayout>
  );
}
