/**
 * Importing a programme file, or editing a draft's YAML: the text is pasted or read from a chosen .yaml/.json file
 * and sent as is; when the server refuses it, every problem it found is listed with its path, and nothing was stored.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, List, Modal, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../../app/api';
import type { FieldMessage } from '../../../app/types';
import type { ProgrammeDetail } from '../programme-types';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

interface ProgrammeSourceModalProps {
  open: boolean;
  /** A draft to edit (PATCH); absent: import a new draft (POST). */
  draft?: { id: string; yaml: string };
  onClose: () => void;
  onSaved: (programme: ProgrammeDetail) => void;
}

export function ProgrammeSourceModal({ open, draft, onClose, onSaved }: ProgrammeSourceModalProps) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FieldMessage[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setText(draft?.yaml ?? '');
    setProblems([]);
    setFailure(null);
  }, [open, draft]);

  const submit = async () => {
    setSaving(true);
    setProblems([]);
    setFailure(null);
    try {
      const saved = draft
        ? await api.patch<ProgrammeDetail>(`/programs/${draft.id}`, { yaml: text })
        : await api.post<ProgrammeDetail>('/programs', { yaml: text });
      message.success(draft ? '草稿已保存' : `已导入为草稿（第 ${saved.version} 版）`);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError) {
        setFailure(error.message);
        setProblems(error.fields);
      } else {
        setFailure('操作失败，请稍后重试');
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={draft ? '编辑草稿' : '导入工作方案'}
      width={900}
      onCancel={onClose}
      okText={draft ? '保存草稿' : '导入'}
      okButtonProps={{ disabled: !text.trim(), loading: saving }}
      onOk={submit}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          工作方案文件为 YAML 或 JSON（格式说明见“帮助”页面）。导入后为草稿，发布前可修改；发布后不可修改。
        </Typography.Text>
        <Upload
          accept=".yaml,.yml,.json"
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > MAX_FILE_BYTES) {
              message.error('文件不能超过 2 MB');
              return Upload.LIST_IGNORE;
            }
            file.text().then(setText, () => message.error('无法读取该文件'));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
        <Input.TextArea
          aria-label="工作方案内容"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 12, maxRows: 24 }}
          style={{ fontFamily: 'monospace' }}
          placeholder="粘贴 YAML 或 JSON，或选择文件"
        />
        {failure && (
          <Alert
            type="error"
            showIcon
            message={problems.length > 0 ? `文件有 ${problems.length} 处问题，未导入任何内容` : failure}
            description={
              problems.length > 0 && (
                <List
                  size="small"
                  aria-label="问题清单"
                  dataSource={problems}
                  renderItem={(p) => (
                    <List.Item>
                      <Typography.Text code>{p.path || '（整个文件）'}</Typography.Text> {p.message}
                    </List.Item>
                  )}
                />
              )
            }
          />
        )}
      </Space>
    </Modal>
  );
}
