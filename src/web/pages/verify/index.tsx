/**
 * /verify — public evidence verification, no login needed (the certificate's QR code leads here with ?no=…).
 * The visitor names the evidence by certificate number or by its proof bundle (read on this computer), and the
 * original file (hashed on this computer, never uploaded) or its digest; the server checks the bundle, the log's
 * signature, inclusion, consistency with the latest checkpoint and the timestamp, and each check is shown.
 */
import { FileProtectOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Flex, Form, Input, Radio, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { AuthFrame } from '../../components/AuthFrame';
import { FileDigestField, useFileDigest } from '../evidence/components/FileDigest';
import { OfflineVerifierDownload } from '../evidence/components/OfflineVerifierDownload';
import {
  ALGORITHM_LABELS,
  ALGORITHM_OPTIONS,
  bundleAlgorithm,
  CERTIFICATE_NO_PATTERN,
  type DigestAlgorithm,
  type EvidenceEntry,
  HEX_DIGEST_PATTERN,
  isDigestAlgorithm,
  MAX_BUNDLE_CHARS,
  type VerifyRequest,
  type VerifyResponse,
} from '../evidence/evidence-common';
import { VerifyOutcome } from './components/VerifyOutcome';

type Source = 'certificate' | 'bundle';
type Target = 'file' | 'digest';

interface LoadedBundle {
  name: string;
  text: string;
  algorithm: DigestAlgorithm | null;
}

const normalizeCertificateNo = (value: string) => value.trim().toUpperCase();

export default function VerifyPage() {
  const { user, loading: authLoading } = useAuth();
  const [params] = useSearchParams();
  const [source, setSource] = useState<Source>('certificate');
  const [certificateNo, setCertificateNo] = useState(params.get('no') ?? '');
  const [bundle, setBundle] = useState<LoadedBundle | null>(null);
  const [bundleError, setBundleError] = useState<string | null>(null);
  const [target, setTarget] = useState<Target>('file');
  const [algorithm, setAlgorithm] = useState<DigestAlgorithm>('sha256');
  /** Where the preselected algorithm came from, while the user has not changed it. */
  const [algorithmFrom, setAlgorithmFrom] = useState<string | null>(null);
  const [pastedDigest, setPastedDigest] = useState('');
  const hashed = useFileDigest(algorithm);
  const [answer, setAnswer] = useState<{ key: string; result: VerifyResponse } | null>(null);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [showErrors, setShowErrors] = useState(false);

  const number = normalizeCertificateNo(certificateNo);
  const digest = target === 'file' ? hashed.digest : pastedDigest.trim().toLowerCase() || null;

  // What a shown answer was about: when any input changes, the old answer goes away.
  const inputKey = JSON.stringify([
    source,
    source === 'certificate' ? number : (bundle?.text ?? ''),
    target,
    algorithm,
    digest,
    target === 'file' ? (hashed.file?.name ?? '') : '',
  ]);
  const result = answer?.key === inputKey ? answer.result : null;
  const error = failure?.key === inputKey ? failure.message : null;

  // Preselect the algorithm the evidence was made with, once the certificate number is complete.
  useEffect(() => {
    if (source !== 'certificate' || !CERTIFICATE_NO_PATTERN.test(number)) return;
    let cancelled = false;
    api
      .get<EvidenceEntry>(`/evidence/certificates/${encodeURIComponent(number)}`)
      .then((entry) => {
        if (cancelled || !isDigestAlgorithm(entry.algorithm)) return;
        setAlgorithm(entry.algorithm);
        setAlgorithmFrom('证书');
      })
      .catch(() => undefined); // an unknown number is reported by the verification itself
    return () => {
      cancelled = true;
    };
  }, [source, number]);

  const loadBundle = async (file: File) => {
    setBundleError(null);
    if (file.size > MAX_BUNDLE_CHARS * 4) {
      setBundle(null);
      setBundleError('文件过大，不是本平台的验证包（.tlog-proof）');
      return;
    }
    const text = await file.text();
    if (!text.startsWith('c2sp.org/tlog-proof@v1') || text.length > MAX_BUNDLE_CHARS) {
      setBundle(null);
      setBundleError('这不是有效的验证包：验证包是从存证记录下载的 .tlog-proof 文件');
      return;
    }
    const detected = bundleAlgorithm(text);
    setBundle({ name: file.name, text, algorithm: detected });
    if (detected) {
      setAlgorithm(detected);
      setAlgorithmFrom('验证包');
    }
  };

  const certificateInvalid = source === 'certificate' && !CERTIFICATE_NO_PATTERN.test(number);
  const bundleMissing = source === 'bundle' && !bundle;
  const digestInvalid =
    target === 'digest' && pastedDigest.trim() !== '' && !HEX_DIGEST_PATTERN.test(pastedDigest.trim());

  const verify = async () => {
    setShowErrors(true);
    if (certificateInvalid || bundleMissing || digestInvalid || (target === 'file' && hashed.file && !digest)) return;
    const body: VerifyRequest = source === 'certificate' ? { certificateNo: number } : { bundle: bundle!.text };
    if (digest) {
      body.algorithm = algorithm;
      body.digest = digest;
    }
    const key = inputKey;
    setVerifying(true);
    try {
      const response = await api.post<VerifyResponse>('/evidence/verify', body);
      setAnswer({ key, result: response });
      setFailure(null);
    } catch (e) {
      setAnswer(null);
      setFailure({
        key,
        message:
          e instanceof ApiError
            ? e.status === 404
              ? '没有找到该证书编号的存证，请核对证书上的编号'
              : e.message
            : '验证失败，请稍后重试',
      });
    } finally {
      setVerifying(false);
    }
  };

  return (
    <AuthFrame title="存证验证" width={880}>
      <Flex vertical gap={16}>
        <Typography.Paragraph style={{ margin: 0 }}>
          核验一份商业秘密存证：输入存证证书上的<Typography.Text strong>证书编号</Typography.Text>
          （或选择下载的<Typography.Text strong>验证包</Typography.Text>），再选择
          <Typography.Text strong>原文件</Typography.Text>
          ，即可确认该文件在证书所载的可信时间已经存在且此后未被改动。无需登录。
        </Typography.Paragraph>
        <Alert
          type="info"
          showIcon
          title="原文件不会上传：文件只在本机计算摘要，发送到平台的只有摘要"
          data-testid="verify-notice"
        />
        <Form layout="vertical" aria-label="存证验证" component="div">
          <Form.Item label="存证凭据">
            <Radio.Group
              optionType="button"
              value={source}
              onChange={(e) => setSource(e.target.value as Source)}
              options={[
                { value: 'certificate', label: '按证书编号' },
                { value: 'bundle', label: '按验证包文件' },
              ]}
            />
          </Form.Item>
          {source === 'certificate' ? (
            <Form.Item
              label="证书编号"
              htmlFor="verify-certificate-no"
              validateStatus={showErrors && certificateInvalid ? 'error' : undefined}
              help={
                showErrors && certificateInvalid
                  ? number
                    ? '证书编号格式不正确，应形如 SMEV-00000012-1A2B3C4D'
                    : '请输入证书编号'
                  : undefined
              }
            >
              <Input
                id="verify-certificate-no"
                value={certificateNo}
                onChange={(e) => setCertificateNo(e.target.value)}
                placeholder="SMEV-00000012-1A2B3C4D（见存证证书）"
                allowClear
                size="large"
                style={{ fontFamily: 'monospace' }}
                onPressEnter={verify}
              />
            </Form.Item>
          ) : (
            <Form.Item
              label="验证包"
              validateStatus={(showErrors && bundleMissing) || bundleError ? 'error' : undefined}
              help={bundleError ?? (showErrors && bundleMissing ? '请选择验证包文件（.tlog-proof）' : undefined)}
            >
              <div data-testid="verify-bundle-dragger">
                <Upload.Dragger
                  accept=".tlog-proof,text/plain"
                  multiple={false}
                  showUploadList={false}
                  // Read locally; never uploaded as a file (its text goes with the verification request).
                  beforeUpload={(file) => {
                    void loadBundle(file);
                    return false;
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <FileProtectOutlined />
                  </p>
                  <p className="ant-upload-text">
                    {bundle ? `已读取验证包：${bundle.name}` : '点击选择验证包（.tlog-proof），或拖拽到此处'}
                  </p>
                  <p className="ant-upload-hint">验证包可在存证记录中下载，也可离线保存多年后使用</p>
                </Upload.Dragger>
              </div>
            </Form.Item>
          )}
          <Divider style={{ margin: '8px 0 16px' }} />
          <Form.Item label="待验证的文件">
            <Radio.Group
              optionType="button"
              value={target}
              onChange={(e) => setTarget(e.target.value as Target)}
              options={[
                { value: 'file', label: '选择原文件' },
                { value: 'digest', label: '粘贴文件摘要' },
              ]}
            />
          </Form.Item>
          {target === 'file' ? (
            <Form.Item label="原文件" extra="文件只在本机计算摘要，不会上传；不选择文件时只核验存证记录本身。">
              <FileDigestField
                state={hashed}
                algorithm={algorithm}
                prompt="点击选择存证时的原文件，或将文件拖拽到此处"
                testId="verify-file"
              />
            </Form.Item>
          ) : (
            <Form.Item
              label="文件摘要"
              htmlFor="verify-digest"
              validateStatus={showErrors && digestInvalid ? 'error' : undefined}
              help={showErrors && digestInvalid ? '摘要应为64位十六进制字符串' : undefined}
              extra="64 位十六进制字符串，可用 sha256sum 或国密 SM3 工具计算。"
            >
              <Input
                id="verify-digest"
                value={pastedDigest}
                onChange={(e) => setPastedDigest(e.target.value)}
                placeholder="例如 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                allowClear
                style={{ fontFamily: 'monospace' }}
              />
            </Form.Item>
          )}
          <Form.Item
            label="摘要算法"
            extra={
              algorithmFrom
                ? `已按${algorithmFrom}选择存证时使用的算法：${ALGORITHM_LABELS[algorithm]}`
                : '须与存证时选择的算法一致'
            }
          >
            <Radio.Group
              options={ALGORITHM_OPTIONS}
              value={algorithm}
              onChange={(e) => {
                setAlgorithm(e.target.value as DigestAlgorithm);
                setAlgorithmFrom(null);
              }}
            />
          </Form.Item>
          <Button
            type="primary"
            size="large"
            block
            icon={<SafetyCertificateOutlined />}
            loading={verifying || authLoading || (target === 'file' && hashed.hashing)}
            onClick={verify}
          >
            验证
          </Button>
        </Form>
        {error && <Alert type="error" showIcon title={error} role="alert" data-testid="verify-error" />}
        {result && <VerifyOutcome result={result} />}
        <Typography.Paragraph type="secondary" style={{ margin: 0, textAlign: 'center' }}>
          验证结果由平台按公开的日志公钥和证明计算；也可下载离线验证工具，不联网、不依赖本平台，在本机验证验证包与原文件。
          {user ? <Link to="/">返回平台</Link> : <Link to="/login">登录平台</Link>}
        </Typography.Paragraph>
        <OfflineVerifierDownload block />
      </Flex>
    </AuthFrame>
  );
}
