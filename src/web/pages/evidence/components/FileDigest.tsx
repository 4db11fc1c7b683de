/**
 * Picking a file and hashing it on this computer: a drop zone that never uploads, a progress bar while the file is
 * read chunk by chunk, and the digest once done. Used by the evidence page and the public verification page.
 */
import { FileDoneOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Progress, Typography, Upload } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { type DigestAlgorithm, formatBytes, hashFile } from '../../../app/hash-file';
import { algorithmLabel } from '../evidence-common';

export interface FileDigestState {
  file: File | null;
  setFile(file: File | null): void;
  /** The digest of `file` under the current algorithm, once computed. */
  digest: string | null;
  hashing: boolean;
  /** 0–1 while hashing. */
  progress: number;
  /** Milliseconds the last completed hash took. */
  elapsedMs: number | null;
  error: string | null;
}

interface HashResult {
  file: File;
  algorithm: DigestAlgorithm;
  progress: number;
  digest: string | null;
  elapsedMs: number | null;
  error: string | null;
}

/**
 * Hashes the chosen file with the given algorithm whenever either changes (a running hash is abandoned). The
 * answer is kept with the file and algorithm it belongs to, so a stale digest is never shown for a new choice.
 */
export function useFileDigest(algorithm: DigestAlgorithm): FileDigestState {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<HashResult | null>(null);

  useEffect(() => {
    if (!file) return;
    const controller = new AbortController();
    const base = { file, algorithm, digest: null, elapsedMs: null, error: null };
    setResult({ ...base, progress: 0 });
    const started = performance.now();
    hashFile(file, algorithm, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (!controller.signal.aborted) setResult({ ...base, progress });
      },
    })
      .then((digest) => {
        if (!controller.signal.aborted) {
          setResult({ ...base, progress: 1, digest, elapsedMs: performance.now() - started });
        }
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        console.error(error);
        setResult({ ...base, progress: 0, error: '无法读取该文件，请确认文件可以打开后重试' });
      });
    return () => controller.abort();
  }, [file, algorithm]);

  const current = file && result?.file === file && result.algorithm === algorithm ? result : null;
  return {
    file,
    setFile,
    digest: current?.digest ?? null,
    hashing: file !== null && (current === null || (current.digest === null && current.error === null)),
    progress: current?.progress ?? 0,
    elapsedMs: current?.elapsedMs ?? null,
    error: current?.error ?? null,
  };
}

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
