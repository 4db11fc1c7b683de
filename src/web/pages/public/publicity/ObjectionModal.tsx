/**
 * The objection form (异议) for one application on an open publicity notice: the objector's name (or unit), a way to
 * reach them, the reasons and supporting files. Anyone may file it, logged in or not: the files go to the notice's
 * public upload and the objection names them. The server's Chinese messages land on the fields, and a success is
 * confirmed in place.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Result, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatReceiptCode } from '../../../../core/applications/receipt-code';
import { ACCEPT_ATTRIBUTE } from '../../../../shared/attachments';
import { ObjectionCreateSchema } from '../../../../shared/schemas/publicity';
import { ApiError, api, useApiErrorHandler } from '../../../app/api';
import { uploadAttachment } from '../../../app/upload';
import { AttachmentTag } from '../../../components/AttachmentTag';
import { required, zodRule } from '../../../components/form-rules';
import type { NoticeEntry, ObjectionFiled } from '../public-types';

interface ObjectionValues {
  name: string;
  contact: string;
  reasons: string;
}

const FORM_FIELDS = new Set(['name', 'contact', 'reasons']);
const fields = ObjectionCreateSchema.shape;
/** As the server allows (ObjectionCreateSchema). */
const MAX_ATTACHMENTS = 10;

export const OBJECTION_FILED_MESSAGE = '异议已提交，监管部门将书面答复处理结果';

export interface ObjectionModalProps {
  noticeId: string;
  noticeTitle: string;
  /** The application objected to; null closes the dialog. */
  entry: NoticeEntry | null;
  onClose: () => void;
}

export function ObjectionModal({ noticeId, noticeTitle, entry, onClose }: ObjectionModalProps) {
  return (
    <Modal
      open={entry !== null}
      title={entry ? `对“${entry.unitName}”提出异议` : '提出异议'}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      width={640}
      footer={null}
    >
      {/* Mounted afresh for each dialog: an empty form, no earlier answer. */}
      {entry && (
        <ObjectionForm
          key={entry.applicationId}
          noticeId={noticeId}
          noticeTitle={noticeTitle}
          entry={entry}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function ObjectionForm({ noticeId, noticeTitle, entry, onClose }: ObjectionModalProps & { entry: NoticeEntry }) {
  const [form] = Form.useForm<ObjectionValues>();
  const handleError = useApiErrorHandler();
  const [submitting, setSubmitting] = useState(false);
  const [filed, setFiled] = useState<ObjectionFiled | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { message } = App.useApp();
  const [attachments, setAttachments] = useState<{ sha256: string; fileName: string }[]>([]);
  const [uploading, setUploading] = useState(0);

  const submit = async (values: ObjectionValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const answer = await api.post<ObjectionFiled>(`/publicity/${noticeId}/objections`, {
        applicationId: entry.applicationId,
        name: values.name.trim(),
        contact: values.contact.trim(),
        reasons: values.reasons.trim(),
        ...(attachments.length > 0 ? { attachments } : {}),
      });
      setFiled(answer);
    } catch (error) {
      handleError(error, form);
      // What the fields cannot show (the period has ended, too many requests …) stays visible in the dialog.
      const onFields = error instanceof ApiError && error.fields.some((f) => FORM_FIELDS.has(f.path));
      if (!onFields) setFailure(error instanceof ApiError ? error.message : '提交失败，请稍后重试');
    } finally {
      setSubmitting(false);
    }
  };

  if (filed) {
    return (
      <Result
        status="success"
        title={OBJECTION_FILED_MESSAGE}
        subTitle={
          <Flex vertical gap={4} align="center">
            <span>
              回执码：
              <Typography.Text
                copyable={{ text: formatReceiptCode(filed.receiptCode) }}
                strong
                style={{ fontFamily: 'monospace', fontSize: 18 }}
                data-testid="receipt-code"
              >
                {formatReceiptCode(filed.receiptCode)}
              </Typography.Text>
            </span>
            <span>请记下回执码，凭它可随时查询处理进度和答复。</span>
            <Link to={`/objection-status?code=${formatReceiptCode(filed.receiptCode)}`}>查询处理进度</Link>
          </Flex>
        }
        extra={
          <Button type="primary" onClick={onClose}>
            关闭
          </Button>
        }
      />
    );
  }

  return (
    <>
      <Typography.Paragraph type="secondary">
        公示：{noticeTitle}
        <br />
        异议对象：{entry.unitName}（{entry.kindName}，{entry.jurisdictionName}）
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="异议须署真实姓名（或单位名称）并留下联系方式，匿名异议不予受理。您的姓名和联系方式仅供监管部门核查和答复使用，不予公开。"
      />
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
      <Form<ObjectionValues> form={form} name="objection" layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label="姓名"
          extra="个人填写姓名；以单位名义提出的，填写单位名称"
          rules={[required('请填写异议人姓名或单位名称'), zodRule(fields.name)]}
        >
          <Input maxLength={100} autoComplete="name" placeholder="异议人姓名或单位名称" />
        </Form.Item>
        <Form.Item
          name="contact"
          label="联系方式"
          rules={[required('请填写联系方式（电话或电子邮箱）'), zodRule(fields.contact)]}
        >
          <Input maxLength={200} autoComplete="tel" placeholder="电话或电子邮箱" />
        </Form.Item>
        <Form.Item name="reasons" label="异议理由" rules={[required('请填写异议理由'), zodRule(fields.reasons)]}>
          <Input.TextArea
            rows={6}
            showCount
            maxLength={10_000}
            placeholder="请写明异议的事实和理由，并说明有关证据情况（至少10个字）"
          />
        </Form.Item>
        <Form.Item
          label="证明材料"
          extra={`选填，最多${MAX_ATTACHMENTS}个；PDF、图片、Office 文档或 ZIP 压缩包，单个不超过 20 MB`}
        >
          <Space wrap size={4}>
            {attachments.map((a) => (
              <AttachmentTag
                key={a.sha256}
                fileName={a.fileName}
                onClose={() => setAttachments((all) => all.filter((x) => x !== a))}
              />
            ))}
            <Upload
              showUploadList={false}
              accept={ACCEPT_ATTRIBUTE}
              disabled={attachments.length + uploading >= MAX_ATTACHMENTS}
              customRequest={({ file, onSuccess, onError }) => {
                setUploading((n) => n + 1);
                uploadAttachment(file as File, { path: `/publicity/${noticeId}/attachments` })
                  .then(
                    (stored) => {
                      setAttachments((all) =>
                        all.some((a) => a.sha256 === stored.sha256)
                          ? all
                          : [...all, { sha256: stored.sha256, fileName: stored.fileName }],
                      );
                      onSuccess?.(stored);
                    },
                    (error: Error) => {
                      message.error(error.message);
                      onError?.(error);
                    },
                  )
                  .finally(() => setUploading((n) => n - 1));
              }}
            >
              <Button
                icon={<UploadOutlined />}
                loading={uploading > 0}
                disabled={attachments.length + uploading >= MAX_ATTACHMENTS}
                aria-label="上传证明材料"
              >
                上传
              </Button>
            </Upload>
          </Space>
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" htmlType="submit" loading={submitting} disabled={uploading > 0}>
            提交异议
          </Button>
        </Flex>
      </Form>
    </>
  );
}
