/**
 * 指引与范本 (workbench): the whole library (public and registered-only documents); bureaus publish documents and
 * their new versions (old versions stay).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { GuideKind, GuideVisibility } from '../../../shared/enums-services';
import { api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { IndustryCascader } from '../../components/IndustryCascader';
import { PageContainer } from '../../components/PageContainer';
import { FileField } from './FileField';
import { GuideList, type GuideSummary } from './GuideList';

function GuideForm({ revising }: { revising: boolean }) {
  return (
    <>
      {!revising && (
        <>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={GuideKind.values.map((v) => ({ value: v, label: GuideKind.labels[v] }))} />
          </Form.Item>
          <Form.Item name="industryCode" label="适用行业（不选为通用）">
            <IndustryCascader />
          </Form.Item>
          <Form.Item name="visibility" label="公开范围" initialValue="public">
            <Radio.Group
              options={GuideVisibility.values.map((v) => ({ value: v, label: GuideVisibility.labels[v] }))}
            />
          </Form.Item>
        </>
      )}
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="summary" label="摘要" rules={[{ required: true, message: '请填写摘要' }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="body" label="正文（用于检索）" rules={[{ required: true, message: '请填写正文' }]}>
        <Input.TextArea rows={5} />
      </Form.Item>
      <Form.Item name="file" label="文件" rules={[{ required: true, message: '请上传文件' }]}>
        <FileField />
      </Form.Item>
      {revising && (
        <Form.Item name="changeNote" label="修订说明">
          <Input maxLength={1000} />
        </Form.Item>
      )}
    </>
  );
}

export default function GuidesPage() {
  const user = useCurrentUser();
  const isOfficer = user?.role === 'officer';
  const [open, setOpen] = useState<'new' | GuideSummary | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    const request =
      open === 'new'
        ? api.post('/guides', { ...values, industryCode: values.industryCode ?? null })
        : api.post(`/guides/${(open as GuideSummary).id}/versions`, {
            ...values,
            baseVersion: (open as GuideSummary).version,
          });
    request
      .then(() => {
        message.success(open === 'new' ? '已发布' : '新版本已发布，旧版本保留');
        setOpen(null);
        form.resetFields();
        setReloadKey((k) => k + 1);
      })
      .catch((error) => handleError(error, form))
      .finally(() => setBusy(false));
  };

  return (
    <PageContainer
      title="指引与范本"
      subTitle="保护指引、规则指引与保密协议、竞业限制条款、内部管理制度范本"
      extra={
        isOfficer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
            发布指引或范本
          </Button>
        )
      }
    >
      <GuideList
        base="/guides"
        reloadKey={reloadKey}
        actions={
          isOfficer
            ? (g) => (
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    form.setFieldsValue({ title: g.title, summary: g.summary });
                    setOpen(g);
                  }}
                >
                  发布新版本
                </Button>
              )
            : undefined
        }
      />
      <Modal
        title={open === 'new' ? '发布指引或范本' : '发布新版本'}
        open={open !== null}
        onOk={submit}
        okText="发布"
        confirmLoading={busy}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <GuideForm revising={open !== 'new'} />
        </Form>
      </Modal>
    </PageContainer>
  );
}
