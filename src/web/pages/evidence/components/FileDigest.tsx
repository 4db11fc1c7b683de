/**
 * Picking a file and hashing it on this computer: a drop zone that never uploads, a progress bar while the file is
 * read chunk by chunk, and the digest once done. Used by the evidence page and the public verification page.
 */
import { FileDoneOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Progress, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { type DigestAlgorithm, formatBytes } from '../../../app/hash-file';
import { algorithmLabel } from '../evidence-common';
import type { FileDigestState } from './file-digest-state';

export { type FileDigestState, useFileDigest } from './file-digest-state';

interface FileDigestFieldProps {
  state: FileDigestState;
  algorithm: DigestAlgorithm;
  /** The drop zone's main line. */
  prompt?: ReactNode;
  /** Marks the drop zone and the digest for browser tests. */
  testId: string;
}

/** The drop zone (files are only read here, never uploaded) and the hashing progress and result below it. */
export function FileDigestField({ state, algorithm, prompt, testId }: FileDigestFieldProps) {
  const { file, digest, hashing, progress, elapsedMs, error } = state;
  return (
    <Flex vertical gap={12}>
      <div data-testid={`${testId}-dragger`}>
        <Upload.Dragger
          multiple={false}
          showUploadList={false}
          // Never upload: the file is only read on this computer.
          beforeUpload={(picked) => {
            state.setFile(picked);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">{file ? <FileDoneOutlined /> : <InboxOutlined />}</p>
          <p className="ant-upload-text">{prompt ?? '点击选择文件，或将文件拖拽到此处'}</p>
          <p className="ant-upload-hint">文件只在本机读取并计算摘要，不会上传；支持任意类型、任意大小的文件</p>
        </Upload.Dragger>
      </div>
      {file && (
        <Flex vertical gap={4} data-testid={testId} aria-busy={hashing}>
          <Typography.Text>
            已选择：<Typography.Text strong>{file.name}</Typography.Text>
            <Typography.Text type="secondary">（{formatBytes(file.size)}）</Typography.Text>
          </Typography.Text>
          {hashing && (
            <Progress
              percent={Math.floor(progress * 100)}
              status="active"
              aria-label="摘要计算进度"
              format={(percent) => `${percent}%`}
            />
          )}
          {error && <Alert type="error" showIcon title={error} />}
          {digest && (
            <>
              <Typography.Text type="secondary">
                {algorithmLabel(algorithm)} 摘要
                {elapsedMs !== null && `（本机计算，用时 ${(elapsedMs / 1000).toFixed(1)} 秒）`}：
              </Typography.Text>
              <Typography.Text
                code
                copyable={{ text: digest, tooltips: ['复制摘要', '已复制'] }}
                style={{ wordBreak: 'break-all' }}
                data-testid={`${testId}-value`}
              >
                {digest}
              </Typography.Text>
            </>
          )}
        </Flex>
      )}
    </Flex>
  );
}
