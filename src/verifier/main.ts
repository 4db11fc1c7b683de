/**
 * The offline evidence verifier page (verifier.html, built into one self-contained file): the firm picks its
 * `.tlog-proof` bundle and the original file, the page hashes the file locally and runs the same verification as
 * the CLI and the server (`verifyEvidenceBundleWithTimestamp` of src/core/evidence: the checkpoint's signature, the
 * entry, the inclusion proof and the RFC 3161 token of the TSA the signed checkpoint names, with WebCrypto), and
 * shows each check in Chinese.
 */
import './buffer-shim';
import { parseEvidenceExtra, parseTlogProof, verifyEvidenceBundleWithTimestamp } from '../core/evidence/proof-bundle';
import { EvidenceCheck } from '../shared/enums';
import { hashFile } from '../web/app/hash-file';

const STATUS_LABELS = { pass: '通过', fail: '未通过', skipped: '未检查' } as const;
const ALGORITHM_LABELS: Record<string, string> = { sha256: 'SHA-256', sm3: 'SM3（国密）' };

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function show(
  ok: boolean,
  summary: string,
  facts: [string, string][],
  checks: [string, keyof typeof STATUS_LABELS, string][],
) {
  const result = byId<HTMLElement>('result');
  result.style.display = 'block';
  result.className = ok ? 'ok' : 'bad';
  result.dataset.ok = String(ok);
  byId('verdict').textContent = ok ? '✔ 验证通过' : '✘ 验证未通过';
  byId('summary').textContent = summary;
  const dl = byId('facts');
  dl.replaceChildren(
    ...facts.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
  const ul = byId('checks');
  ul.replaceChildren(
    ...checks.map(([label, status, reason]) => {
      const li = document.createElement('li');
      li.dataset.status = status;
      const name = document.createElement('span');
      name.textContent = reason ? `${label}：${reason}` : label;
      const verdict = document.createElement('span');
      verdict.className = status;
      verdict.textContent = STATUS_LABELS[status];
      li.append(name, verdict);
      return li;
    }),
  );
}

const beijingTime = (iso: string | null) =>
  iso && !Number.isNaN(Date.parse(iso))
    ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
    : null;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

async function run() {
  const bundleFile = byId<HTMLInputElement>('bundle').files?.[0];
  const original = byId<HTMLInputElement>('file').files?.[0];
  const key = byId<HTMLTextAreaElement>('key').value.trim();
  if (!bundleFile) return show(false, '请先选择验证包文件（.tlog-proof）。', [], []);
  if (!key) return show(false, '请填写日志公钥。', [], []);
  const bundle = await bundleFile.text();

  let claimed: { algorithm: string; digest: string } | null = null;
  let algorithm: string | null = null;
  try {
    const proof = parseTlogProof(bundle);
    algorithm = proof.extra ? parseEvidenceExtra(proof.extra).algorithm : null;
  } catch {
    // A malformed bundle is reported by the verification itself.
  }
  if (original && algorithm && (algorithm === 'sha256' || algorithm === 'sm3')) {
    byId('file-hint').textContent = `正在本机计算文件摘要（${ALGORITHM_LABELS[algorithm]}）……`;
    claimed = { algorithm, digest: await hashFile(original, algorithm) };
    byId('file-hint').textContent = `文件摘要（${ALGORITHM_LABELS[algorithm]}）：${claimed.digest}`;
  }

  const result = await verifyEvidenceBundleWithTimestamp(bundle, claimed, key);
  const labels: Record<string, string> = EvidenceCheck.labels;
  const checks = Object.entries(result.checks)
    .filter(([name]) => name !== 'consistency')
    .map(
      ([name, check]) =>
        [labels[name] ?? name, check.status, check.status === 'fail' ? check.detail : ''] as [
          string,
          keyof typeof STATUS_LABELS,
          string,
        ],
    );
  const meta = result.evidence?.metadata ?? {};
  const facts: [string, string][] = [];
  for (const [label, value] of [
    ['存证单位', text(meta.unitName)],
    ['统一社会信用代码', text(meta.creditCode)],
    ['存证名称', text(meta.label)],
    ['提交时间（北京时间）', beijingTime(text(meta.submittedAt))],
    ['可信时间（北京时间）', beijingTime(result.timestampTime?.toISOString() ?? null)],
    ['摘要算法', algorithm ? (ALGORITHM_LABELS[algorithm] ?? algorithm) : null],
    ['日志序号', result.proof ? String(result.proof.index) : null],
    ['树大小', result.checkpoint ? String(result.checkpoint.size) : null],
  ] as [string, string | null][]) {
    if (value) facts.push([label, value]);
  }
  const failed = Object.entries(result.checks).filter(([, c]) => c.status === 'fail');
  const summary = result.ok
    ? claimed
      ? '文件与存证记录一致：该文件在存证时已经存在，此后未被改动；存证记录已被日志收录、由日志公钥签名并加盖可信时间戳。'
      : '存证记录真实有效。未比对文件：请同时选择原文件，以确认文件未被改动。'
    : failed.length === 1 && failed[0]![0] === 'digest'
      ? '存证记录本身有效，但所选文件与存证时的文件不一致：文件已被改动，或不是同一份文件。'
      : `未通过的检查：${failed.map(([name]) => labels[name] ?? name).join('、')}。请确认验证包、原文件和日志公钥是否正确。`;
  show(result.ok, summary, facts, checks);
}

const keyMeta = document.querySelector<HTMLMetaElement>('meta[name="shangmi-verifier-key"]');
if (keyMeta?.content) byId<HTMLTextAreaElement>('key').value = keyMeta.content;
const button = byId<HTMLButtonElement>('verify');
button.addEventListener('click', () => {
  button.disabled = true;
  // The previous verdict must not stand beside the new inputs while they are being checked.
  const result = byId<HTMLElement>('result');
  result.style.display = 'none';
  delete result.dataset.ok;
  run()
    .catch(() => show(false, '验证时出错：请确认所选文件是否为本平台的验证包。', [], []))
    .finally(() => {
      button.disabled = false;
    });
});
