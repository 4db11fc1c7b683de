/**
 * The log's public key (and the timestamping certificate), with how to verify a proof bundle offline with it.
 */
import { DownloadOutlined, KeyOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, useApiErrorHandler } from '../../../app/api';
import type { EvidenceKeys } from '../evidence-common';
import { OfflineVerifierDownload } from './OfflineVerifierDownload';

export function KeysCard() {
  const handleError = useApiErrorHandler();
  const [keys, setKeys] = useState<EvidenceKeys | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<EvidenceKeys>('/evidence/keys')
      .then((answer) => {
        if (!cancelled) setKeys(answer);
      })
      .catch((error: unknown) => {
        if (!cancelled) handleError(error);
      });
    return () => {
      cancelled = true;
    };
  }, [handleError]);

  // The TSA certificate as a file to save next to the bundle.
  const tsaHref = useMemo(
    () =>
      keys?.tsaCertificate
        ? URL.createObjectURL(new Blob([keys.tsaCertificate], { type: 'application/x-pem-file' }))
        : null,
    [keys],
  );
  useEffect(() => () => (tsaHref ? URL.revokeObjectURL(tsaHref) : undefined), [tsaHref]);

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <KeyOutlined />
          日志公钥与离线验证
        </Flex>
      }
      data-testid="evidence-keys"
    >
      {!keys ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {'存证日志的每个检查点都用下面的公钥签名。公钥可以公开转发、打印留存；只要持有验证包、原文件和这把公钥，' +
              '任何人都可以在不联网、不依赖本平台的情况下独立验证存证。'}
          </Typography.Text>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'origin', label: '日志标识', children: <Typography.Text code>{keys.origin}</Typography.Text> },
              {
                key: 'verifierKey',
                label: '日志公钥',
                children: (
                  <Typography.Text
                    code
                    copyable={{ tooltips: ['复制公钥', '已复制'] }}
                    style={{ wordBreak: 'break-all' }}
                    data-testid="verifier-key"
                  >
                    {keys.verifierKey}
                  </Typography.Text>
                ),
              },
              {
                key: 'tsa',
                label: '时间戳证书',
                children: tsaHref ? (
                  <Button size="small" icon={<DownloadOutlined />} href={tsaHref} download="tsa.pem">
                    下载时间戳证书（tsa.pem）
                  </Button>
                ) : (
                  '使用外部时间戳服务，证书见时间戳令牌'
                ),
              },
            ]}
          />
          <div>
            <Typography.Text strong>离线验证方法</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
              {'下载离线验证工具（一个网页文件，已填入上面的日志公钥）并与验证包、原文件一起保存。日后在任何电脑上用浏览器打开它，' +
                '选择验证包和原文件，不联网也能验证；显示“验证通过”即表示文件与存证记录一致、存证已被日志收录并签名。'}
            </Typography.Paragraph>
            <OfflineVerifierDownload />
          </div>
        </Flex>
      )}
    </Card>
  );
}
