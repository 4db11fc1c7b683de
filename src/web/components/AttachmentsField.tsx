/**
 * A form field holding a list of uploaded files ({ sha256, fileName }): an upload button (the shared type and size
 * limits) and the files as removable tags. Controlled through `value`/`onChange`, so it sits in a Form.Item.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Upload } from 'antd';
import { ACCEPT_ATTRIBUTE } from '../../shared/attachments';
import { useApiErrorHandler } from '../app/api';
import { uploadAttachment } from '../app/upload';

export interface FileRef {
  sha256: string;
  fileName: string;
}

export function AttachmentsField({
  value = [],
  onChange,
  buttonLabel = '上传文件',
}: {
  value?: FileRef[];
  onChange?: (files: FileRef[]) => void;
  buttonLabel?: string;
}) {
  const handleError = useApiErrorHandler();
  return (
    <Space direction="vertical">
      <Upload
        accept={ACCEPT_ATTRIBUTE}
        showUploadList={false}
        customRequest={({ file, onSuccess, onError }) => {
          const picked = file as File;
          uploadAttachment(picked)
            .then((stored) => {
              onChange?.([
                ...value.filter((f) => f.sha256 !== stored.sha256),
                { sha256: stored.sha256, fileName: picked.name.slice(0, 200) },
              ]);
              onSuccess?.(stored);
            })
            .catch((error: unknown) => {
              handleError(error);
              onError?.(error as Error);
            });
        }}
      >
        <Button icon={<UploadOutlined />}>{buttonLabel}</Button>
      </Upload>
      {value.length > 0 && (
        <Space wrap>
          {value.map((f) => (
            <Tag key={f.sha256} closable onClose={() => onChange?.(value.filter((x) => x.sha256 !== f.sha256))}>
              {f.fileName}
            </Tag>
          ))}
        </Space>
      )}
    </Space>
  );
}
