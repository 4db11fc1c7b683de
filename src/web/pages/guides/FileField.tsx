/** A form field holding one uploaded attachment ({ sha256, fileName }): pick a file, it is uploaded at once. */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ACCEPT_ATTRIBUTE } from '../../../shared/attachments';
import { useApiErrorHandler } from '../../app/api';
import { uploadAttachment } from '../../app/upload';

export interface FileRef {
  sha256: string;
  fileName: string;
}

export function FileField({ id, value, onChange }: { id?: string; value?: FileRef; onChange?: (v: FileRef) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const handleError = useApiErrorHandler();
  return (
    <Space wrap>
      <input
        ref={input}
        id={id}
        type="file"
        hidden
        accept={ACCEPT_ATTRIBUTE}
        aria-label="选择文件"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setBusy(true);
          uploadAttachment(file)
            .then((stored) => onChange?.({ sha256: stored.sha256, fileName: stored.fileName }))
            .catch(handleError)
            .finally(() => setBusy(false));
        }}
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {value ? '更换文件' : '上传文件'}
      </Button>
      {value && <Typography.Text>{value.fileName}</Typography.Text>}
    </Space>
  );
}
