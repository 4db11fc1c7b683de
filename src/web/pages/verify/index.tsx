/**
 * /verify — public evidence verification, no login needed (the certificate's QR code leads here with ?no=…).
 * The visitor names the evidence by certificate number or by its proof bundle (read on this computer), and the
 * original file (hashed on this computer, never uploaded) or its digest; the server checks the bundle, the log's
 * signature, inclusion, consistency with the latest checkpoint and the timestamp, and each check is shown. Built on
 * the public pages' light components, not antd: part of the public bundle (issue 15).
 */
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { APP_NAME, APP_SUBTITLE } from '../../locales/zh-CN';
import { type FileDigestState, useFileDigest } from '../evidence/components/file-digest-state';
import { downloadOfflineVerifier } from '../evidence/components/offline-verifier';
import {
  ALGORITHM_LABELS,
  ALGORITHM_OPTIONS,
  algorithmLabel,
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
import '../public/public.css';
import { formatBytes } from '../../app/hash-file';
import { Alert, Button, Card, CopyButton, Field, FileDrop, RadioGroup, TextInput } from '../public/ui';
import { VerifyOutcome } from './components/VerifyOutcome';

type Source = 'certificate' | 'bundle';
type Target = 'file' | 'digest';

interface LoadedBundle {
  name: string;
  text: string;
  algorithm: DigestAlgorithm | null;
}

const normalizeCertificateNo = (value: string) => value.trim().toUpperCase();

const SOURCE_OPTIONS = [
  { value: 'certificate', label: '按证书编号' },
  { value: 'bundle', label: '按验证包文件' },
] as const;

const TARGET_OPTIONS = [
  { value: 'file', label: '选择原文件' },
  { value: 'digest', label: '粘贴文件摘要' },
] as const;

const SHIELD =
  'M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3Zm-1.2 14.2-3.5-3.5 1.4-1.4 2.1 2.1 4.9-4.9 1.4 1.4-6.3 6.3Z';

/** The frame of the pages outside the logged-in layout (components/AuthFrame.tsx), without antd. */
function Frame({ title, width, children }: { title: string; width: number; children: ReactNode }) {
  return (
    <div className="pub-frame">
      <div className="pub-frame-brand">
        <svg viewBox="0 0 24 24" width="36" height="36" aria-hidden="true" fill="currentColor">
          <path d={SHIELD} />
        </svg>
        <h1>{APP_NAME}</h1>
      </div>
      <span className="pub-secondary" style={{ marginBottom: 24 }}>
        {APP_SUBTITLE}
      </span>
      <main style={{ width: '100%', maxWidth: width }}>
        <Card title={title}>{children}</Card>
      </main>
    </div>
  );
}

/** The chosen file, the hashing progress and the digest (evidence/components/FileDigest.tsx, without antd). */
function FileDigestStatus({
  state,
  algorithm,
  testId,
}: {
  state: FileDigestState;
  algorithm: DigestAlgorithm;
  testId: string;
}) {
  const { file, digest, hashing, progress, elapsedMs, error } = state;
  if (!file) return null;
  const percent = Math.floor(progress * 100);
  return (
    <div className="pub-stack" style={{ gap: 4, marginTop: 12 }} data-testid={testId} aria-busy={hashing}>
      <span>
        已选择：<strong>{file.name}</strong>
        <span className="pub-secondary">（{formatBytes(file.size)}）</span>
      </span>
      {hashing && (
        <span className="pub-row">
          <progress className="pub-progress" style={{ flex: 1 }} max={100} value={percent} aria-label="摘要计算进度" />
          <span>{percent}%</span>
        </span>
      )}
      {error && <Alert type="error" role="alert" title={error} />}
      {digest && (
        <>
          <span className="pub-secondary">
            {algorithmLabel(algorithm)} 摘要
            {elapsedMs !== null && `（本机计算，用时 ${(elapsedMs / 1000).toFixed(1)} 秒）`}：
          </span>
          <span>
            <code className="pub-code" data-testid={`${testId}-value`}>
              {digest}
            </code>
            <CopyButton text={digest} label="复制摘要" />
          </span>
        </>
      )}
    </div>
  );
}

/** "下载离线验证工具" (OfflineVerifierDownload.tsx, without antd): a failure is said beside the button. */
function OfflineVerifierButton() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const onClick = () => {
    setBusy(true);
    setFailed(false);
    downloadOfflineVerifier()
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };
  return (
    <div className="pub-stack" style={{ gap: 4 }}>
      <Button className="pub-btn-block" loading={busy} onClick={onClick} data-testid="offline-verifier">
        下载离线验证工具
      </Button>
      {failed && (
        <span role="alert" className="pub-field-error">
          离线验证工具下载失败，请稍后重试
        </span>
      )}
    </div>
  );
}

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

  const certificateError =
    showErrors && certificateInvalid
      ? number
        ? '证书编号格式不正确，应形如 SMEV-00000012-1A2B3C4D'
        : '请输入证书编号'
      : null;
  const bundleMessage = bundleError ?? (showErrors && bundleMissing ? '请选择验证包文件（.tlog-proof）' : null);

  return (
    <Frame title="存证验证" width={880}>
      <div className="pub-stack">
        <p style={{ margin: 0 }}>
          核验一份商业秘密存证：输入存证证书上的<strong>证书编号</strong>
          （或选择下载的<strong>验证包</strong>），再选择
          <strong>原文件</strong>
          ，即可确认该文件在证书所载的可信时间已经存在且此后未被改动。无需登录。
        </p>
        <div data-testid="verify-notice">
          <Alert type="info" title="原文件不会上传：文件只在本机计算摘要，发送到平台的只有摘要" />
        </div>
        <form
          aria-label="存证验证"
          onSubmit={(e) => {
            e.preventDefault();
            void verify();
          }}
        >
          <RadioGroup label="存证凭据" buttons options={SOURCE_OPTIONS} value={source} onChange={setSource} />
          {source === 'certificate' ? (
            <Field label="证书编号" error={certificateError}>
              {(props) => (
                <TextInput
                  {...props}
                  value={certificateNo}
                  onChange={setCertificateNo}
                  placeholder="SMEV-00000012-1A2B3C4D（见存证证书）"
                  className="pub-input-large"
                  style={{ fontFamily: 'monospace' }}
                />
              )}
            </Field>
          ) : (
            <div className="pub-field">
              <span className="pub-field-label">验证包</span>
              <FileDrop
                testId="verify-bundle"
                accept=".tlog-proof,text/plain"
                invalid={bundleMessage !== null}
                onFile={(file) => void loadBundle(file)}
                label={bundle ? `已读取验证包：${bundle.name}` : '点击选择验证包（.tlog-proof），或拖拽到此处'}
                hint="验证包可在存证记录中下载，也可离线保存多年后使用"
              />
              {bundleMessage && <div className="pub-field-error">{bundleMessage}</div>}
            </div>
          )}
          <hr style={{ margin: '8px 0 16px', border: 'none', borderTop: '1px solid #f0f0f0' }} />
          <RadioGroup label="待验证的文件" buttons options={TARGET_OPTIONS} value={target} onChange={setTarget} />
          {target === 'file' ? (
            <div className="pub-field">
              <span className="pub-field-label">原文件</span>
              <FileDrop
                testId="verify-file"
                onFile={hashed.setFile}
                label="点击选择存证时的原文件，或将文件拖拽到此处"
                hint="文件只在本机读取并计算摘要，不会上传；支持任意类型、任意大小的文件"
              />
              <FileDigestStatus state={hashed} algorithm={algorithm} testId="verify-file" />
              <div className="pub-field-hint">文件只在本机计算摘要，不会上传；不选择文件时只核验存证记录本身。</div>
            </div>
          ) : (
            <Field
              label="文件摘要"
              error={showErrors && digestInvalid ? '摘要应为64位十六进制字符串' : null}
              hint="64 位十六进制字符串，可用 sha256sum 或国密 SM3 工具计算。"
            >
              {(props) => (
                <TextInput
                  {...props}
                  value={pastedDigest}
                  onChange={setPastedDigest}
                  placeholder="例如 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                  style={{ fontFamily: 'monospace' }}
                />
              )}
            </Field>
          )}
          <RadioGroup
            label="摘要算法"
            options={ALGORITHM_OPTIONS}
            value={algorithm}
            onChange={(value) => {
              setAlgorithm(value);
              setAlgorithmFrom(null);
            }}
          />
          <div className="pub-field-hint" style={{ marginTop: -12, marginBottom: 16 }}>
            {algorithmFrom
              ? `已按${algorithmFrom}选择存证时使用的算法：${ALGORITHM_LABELS[algorithm]}`
              : '须与存证时选择的算法一致'}
          </div>
          <Button
            type="submit"
            primary
            className="pub-btn-large pub-btn-block"
            loading={verifying || authLoading || (target === 'file' && hashed.hashing)}
          >
            验证
          </Button>
        </form>
        {error && (
          <div data-testid="verify-error">
            <Alert type="error" title={error} role="alert" />
          </div>
        )}
        {result && <VerifyOutcome result={result} />}
        <p className="pub-secondary" style={{ margin: 0, textAlign: 'center' }}>
          验证结果由平台按公开的日志公钥和证明计算；也可下载离线验证工具，不联网、不依赖本平台，在本机验证验证包与原文件。
          {user ? <Link to="/">返回平台</Link> : <Link to="/login">登录平台</Link>}
        </p>
        <OfflineVerifierButton />
      </div>
    </Frame>
  );
}
